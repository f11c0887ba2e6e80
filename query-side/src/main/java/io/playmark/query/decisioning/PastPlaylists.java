package io.playmark.query.decisioning;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.player.PlayerId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decisioning re-run on the past: a player's inputs as they were at a moment ({@link PastDecisionInputs}) resolved by
 * the same {@link LoopResolver} today's playlists use. Pacing is not reproduced (campaigns are not paced), since it
 * reads delivered plays; see docs/audit.md.
 */
@Component
public class PastPlaylists {

    /** Left out, the window is the UTC hour holding the moment: the first hour of what the screen downloaded then. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    private final PastDecisionInputs past;
    // explaining, so that the slot at the moment says why each campaign that did not play lost it
    private final LoopResolver resolver = new LoopResolver();

    PastPlaylists(PastDecisionInputs past) {
        this.past = past;
    }

    /**
     * {@code from} and {@code to} are both given or both left out; the window must hold the moment. Empty when the
     * player was not in service then (not registered yet, or decommissioned).
     */
    public Optional<PastPlaylist> at(PlayerId playerId, Instant at, Instant from, Instant to) {
        if ((from == null) != (to == null)) {
            throw new InvalidValueException(from == null ? "from" : "to", "give both from and to, or neither");
        }
        Instant start = from == null ? at.truncatedTo(ChronoUnit.HOURS) : from;
        Instant end = to == null ? start.plus(DEFAULT_LENGTH) : to;
        if (at.isBefore(start) || !at.isBefore(end)) {
            throw new InvalidValueException("from", "the window [" + start + ", " + end + ") must hold the moment "
                    + at);
        }
        PlaylistWindow window = PlaylistWindow.of(start.toString(), end.toString(), null);
        return past.at(playerId, at, window.from(), window.to()).map(then -> resolve(then, at, window));
    }

    /** The same, with the window's ends as ISO-8601 text (over REST), each blank or an instant with its offset. */
    public Optional<PastPlaylist> at(PlayerId playerId, Instant at, String from, String to) {
        return at(playerId, at, from == null || from.isBlank() ? null : PlaylistWindow.instant("from", from),
                to == null || to.isBlank() ? null : PlaylistWindow.instant("to", to));
    }

    private PastPlaylist resolve(PastDecisionInputs.PastInputs then, Instant at, PlaylistWindow window) {
        DecisionInputs.Inputs inputs = DecisionInputs.of(then.membership(), then.entries(), then.plans(),
                then.files(), Map.of());
        Timeline timeline = resolver.resolve(inputs.player(), inputs.entries(), inputs.campaigns(), window.from(),
                window.to());
        PlaylistDocument document = PlaylistDocument.of(inputs, window.from(), window.to(), timeline);
        PlaylistDocument.Item playing = document.items().stream()
                .filter(item -> !at.isBefore(item.start()) && at.isBefore(item.start().plusMillis(item.durationMs())))
                .findFirst().orElse(null);
        PastPlaylist.AdSlot slot = timeline.slots().stream().filter(decision -> decision.covers(at)).findFirst()
                .map(decision -> adSlot(decision, inputs.plans())).orElse(null);
        return new PastPlaylist(at, document, playing, slot);
    }

    private static PastPlaylist.AdSlot adSlot(SlotDecision decision, List<CampaignPlan> plans) {
        Map<String, String> names = plans.stream()
                .collect(Collectors.toMap(plan -> plan.id().value(), CampaignPlan::name));
        List<PastPlaylist.Decision> campaigns = new ArrayList<>();
        String winner = decision.winner() == null ? null : decision.winner().id().value();
        if (winner != null) {
            campaigns.add(new PastPlaylist.Decision(winner, names.get(winner), true, Reason.PLAYS,
                    "it won the slot starting at " + decision.start()));
        }
        decision.losers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(lost -> campaigns.add(new PastPlaylist.Decision(lost.getKey(), names.get(lost.getKey()),
                        false, lost.getValue().reason(), lost.getValue().detail())));
        return new PastPlaylist.AdSlot(decision.start(), decision.duration().toMillis(), winner, campaigns);
    }
}
