package io.playmark.query.asset;

import io.playmark.kernel.asset.AssetApprovedEvent;
import io.playmark.kernel.asset.AssetContentStoredEvent;
import io.playmark.kernel.asset.AssetProbedEvent;
import io.playmark.kernel.asset.AssetRegisteredEvent;
import io.playmark.kernel.asset.AssetRetiredEvent;
import io.playmark.kernel.asset.MediaKind;
import io.playmark.kernel.asset.MediaProbe;
import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.asset.PlayerCompatibility;
import io.playmark.kernel.asset.PlayerProfile;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PastPlayableFilesTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final String SHA = "a".repeat(64);

    private final PastPlayableFiles files = new PastPlayableFiles(new PlayerCompatibility(List.of(
            new PlayerProfile("hd-h264", Set.of("h264"), Set.of("mp4"), Set.of("png", "jpeg"), 1920, 1080,
                    10_000_000L))));

    @Test
    void an_approved_probed_asset_plays_its_original_and_not_before_approval_or_after_retirement() {
        List<DomainEventMessage<?>> events = events(new AssetRegisteredEvent(ID, "Poster", "poster.png", "/", Set.of()),
                new AssetContentStoredEvent(ID, 1, "poster.png", SHA, 2_048, "image/png", MediaKind.IMAGE),
                new AssetProbedEvent(ID, 1, new MediaProbe("png_pipe", null, null, null, 1920, 1080, null, null, 0)));
        assertThat(files.after(events, "hd-h264")).as("pending review").isEmpty();

        events.addAll(eventsFrom(events.size(), new AssetApprovedEvent(ID, 1, "fine")));
        assertThat(files.after(events, "hd-h264")).contains(new PlayableFile(ID, "Poster", "ORIGINAL",
                "/api/v1/assets/" + ID + "/content", SHA, 2_048, "image/png", null));
        assertThat(files.after(events, "uhd-h265")).as("another profile").isEmpty();

        events.addAll(eventsFrom(events.size(), new AssetRetiredEvent(ID, "season over", false)));
        assertThat(files.after(events, "hd-h264")).as("retired").isEmpty();
    }

    @Test
    void events_that_do_not_start_an_asset_play_nothing() {
        assertThat(files.after(List.of(), "hd-h264")).isEmpty();
        assertThat(files.after(events(new AssetApprovedEvent(ID, 1, "fine")), "hd-h264")).isEmpty();
    }

    private static List<DomainEventMessage<?>> events(Object... payloads) {
        return eventsFrom(0, payloads);
    }

    private static List<DomainEventMessage<?>> eventsFrom(int firstSequence, Object... payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>("Asset", ID, firstSequence + events.size(), payload,
                    MetaData.with("principal", "test")));
        }
        return events;
    }
}
