package io.playmark.query.decisioning;

import io.playmark.kernel.NotFoundException;
import io.playmark.kernel.player.PlayerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent-event streams of players waiting to hear that their timeline changed. Each instance watches its
 * own streams: when the {@link TimelineVersion} moves (or the default window turns to a new hour) it resolves each
 * watched player's default window again and tells the player's streams when the ETag differs from the one they
 * last heard. A comment every {@code keep-alive} keeps idle connections open through proxies.
 */
@Component
class PlaylistChangeStreams implements DisposableBean {

    static final String EVENT = "playlist-changed";
    private static final Logger log = LoggerFactory.getLogger(PlaylistChangeStreams.class);

    /** What a stream hears: the window it is about and the ETag of the playlist for it now. */
    record Change(String playerId, Instant from, Instant to, String etag) {
    }

    private static final class Watch {
        final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
        volatile String etag;
    }

    private final PlayerPlaylists playlists;
    private final TimelineVersion version;
    private final Clock clock;
    private final Duration keepAlive;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("playlist-changes").daemon().factory());
    private volatile long checkedVersion = -1;
    private volatile PlaylistWindow checkedWindow;
    private volatile Instant lastKeepAlive = Instant.MIN;

    PlaylistChangeStreams(PlayerPlaylists playlists, TimelineVersion version, Clock clock,
                          @Value("${playmark.decisioning.change-check}") Duration check,
                          @Value("${playmark.decisioning.keep-alive}") Duration keepAlive) {
        this.playlists = playlists;
        this.version = version;
        this.clock = clock;
        this.keepAlive = keepAlive;
        timer.scheduleWithFixedDelay(this::check, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new stream for the player; its first event is the playlist's current ETag, so it knows where it stands. */
    SseEmitter open(PlayerId player) {
        Change now = change(player.value());
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watch watch = watches.computeIfAbsent(player.value(), id -> new Watch());
        watch.etag = now.etag();
        watch.emitters.add(emitter);
        Runnable leave = () -> leave(player.value(), emitter);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(failure -> leave.run());
        send(player.value(), emitter, now);
        return emitter;
    }

    int watched() {
        return watches.values().stream().mapToInt(watch -> watch.emitters.size()).sum();
    }

    private void check() {
        try {
            long current = version.current();
            PlaylistWindow window = PlaylistWindow.of(null, null, clock);
            if (current != checkedVersion || !window.equals(checkedWindow)) {
                checkedVersion = current;
                checkedWindow = window;
                watches.forEach(this::recheck);
            }
            keepAlive();
        } catch (RuntimeException failure) {
            log.warn("Checking watched playlists for changes failed; trying again", failure);
        }
    }

    private void recheck(String playerId, Watch watch) {
        Change now;
        try {
            now = change(playerId);
        } catch (NotFoundException decommissioned) {
            watch.emitters.forEach(SseEmitter::complete);
            return;
        }
        if (!now.etag().equals(watch.etag)) {
            watch.etag = now.etag();
            watch.emitters.forEach(emitter -> send(playerId, emitter, now));
        }
    }

    private Change change(String playerId) {
        PlaylistWindow window = PlaylistWindow.of(null, null, clock);
        PlayerPlaylists.Answer answer = playlists.playlist(new PlayerId(playerId), window.from(), window.to());
        return new Change(playerId, window.from(), window.to(), answer.etag());
    }

    private void keepAlive() {
        Instant now = clock.instant();
        if (lastKeepAlive.plus(keepAlive).isAfter(now)) {
            return;
        }
        lastKeepAlive = now;
        watches.forEach((playerId, watch) -> watch.emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                leave(playerId, emitter);
            }
        }));
    }

    private void send(String playerId, SseEmitter emitter, Change change) {
        try {
            emitter.send(SseEmitter.event().name(EVENT).id(change.etag()).data(change, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            leave(playerId, emitter);
        }
    }

    private void leave(String playerId, SseEmitter emitter) {
        watches.computeIfPresent(playerId, (id, watch) -> {
            watch.emitters.remove(emitter);
            return watch.emitters.isEmpty() ? null : watch;
        });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        watches.values().forEach(watch -> watch.emitters.forEach(SseEmitter::complete));
    }
}
