package io.playmark.query.decisioning;

import io.playmark.kernel.asset.PlayableFile;
import io.playmark.kernel.campaign.CampaignPlan;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerMembership;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one player's timeline was resolved from at a past instant, in the kernel types decisioning reads today, each
 * input as it was then (infra replays the aggregates from their own events). Decisioning declares it, so it needs
 * no other feature to look into the past.
 */
public interface PastDecisionInputs {

    /**
     * The player with the groups it was in, the schedule entries on it with their occurrences in the window, the
     * booked campaigns targeting it whose flight met the window, and the files its profile could play of the assets
     * those name.
     */
    record PastInputs(PlayerMembership membership, List<ScheduledPlaylist> entries, List<CampaignPlan> plans,
                      Map<String, PlayableFile> files) {

        public PastInputs {
            entries = List.copyOf(entries);
            plans = List.copyOf(plans);
            files = Map.copyOf(files);
        }
    }

    /** Empty when the player was not registered, or was decommissioned, at {@code at}. */
    Optional<PastInputs> at(PlayerId player, Instant at, Instant from, Instant to);
}
