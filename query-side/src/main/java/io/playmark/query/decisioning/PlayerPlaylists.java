package io.playmark.query.decisioning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.playmark.kernel.player.PlayerId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Resolves players' timelines and keeps each answer, as the bytes sent and their strong ETag, until anything it was
 * resolved from changes ({@link TimelineVersion}): screens ask again and again for the same window, and the answer
 * is a pure function of the state and the window, so a kept answer is the answer.
 */
@Component
class PlayerPlaylists {

    /** The hour is pacing's: campaigns with plays goals may pace differently in the next one. */
    private record Key(String playerId, Instant from, Instant to, Instant hour) {
    }

    /**
     * A resolved playlist as sent: its JSON and its strong ETag (a digest of exactly those bytes), and the same
     * gzip-compressed, made once when first asked for (a day's playlist repeats itself, and shrinks twentyfold).
     */
    static final class Answer {
        private final long version;
        private final byte[] json;
        private final String etag;
        private volatile byte[] gzip;

        Answer(long version, byte[] json, String etag) {
            this.version = version;
            this.json = json;
            this.etag = etag;
        }

        long version() {
            return version;
        }

        byte[] json() {
            return json;
        }

        String etag() {
            return etag;
        }

        /** The ETag of the gzip-compressed form: another representation, so another strong ETag. */
        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gzip\"";
        }

        byte[] gzip() {
            byte[] compressed = gzip;
            if (compressed == null) {
                compressed = compress(json);
                gzip = compressed;
            }
            return compressed;
        }

        private static byte[] compress(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
            try (GZIPOutputStream zip = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                zip.write(bytes);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return out.toByteArray();
        }
    }

    private final DecisionInputs inputs;
    private final TimelineVersion version;
    private final CampaignPacing pacing;
    private final JsonMapper json;
    private final LoopResolver resolver = LoopResolver.forPlaylists();
    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumSize(20_000).build();

    PlayerPlaylists(DecisionInputs inputs, TimelineVersion version, CampaignPacing pacing, JsonMapper json) {
        this.inputs = inputs;
        this.pacing = pacing;
        this.version = version;
        this.json = json;
    }

    Answer playlist(PlayerId player, Instant from, Instant to) {
        long current = version.current();
        Key key = new Key(player.value(), from, to, pacing.hour());
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.version() == current) {
            return kept;
        }
        Answer fresh = answer(current, document(player, from, to));
        answers.put(key, fresh);
        return fresh;
    }

    PlaylistDocument document(PlayerId player, Instant from, Instant to) {
        DecisionInputs.Inputs gathered = inputs.gather(player, from, to);
        Timeline timeline = resolver.resolve(gathered.player(), gathered.entries(), gathered.campaigns(), from, to);
        return PlaylistDocument.of(gathered, from, to, timeline);
    }

    private Answer answer(long current, PlaylistDocument document) {
        byte[] bytes = json.writeValueAsBytes(document);
        return new Answer(current, bytes, '"' + digest(bytes) + '"');
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
