package io.playmark.command.campaign;

import io.playmark.kernel.BrokenRulesException.BrokenRule;
import io.playmark.kernel.asset.Approval;
import io.playmark.kernel.asset.AssetStatus;
import io.playmark.kernel.asset.CreativeAsset;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.player.PlayerTarget;
import io.playmark.kernel.player.TargetedPlayer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a campaign must be to be booked, and to stay booked through later edits: a flight that has not ended, a
 * targeting, and at least one creative, each an approved asset in use, of the creative's orientation, that a
 * targeted player of that orientation can play. Answers every rule broken, not just the first.
 */
class BookingRules {

    private final CreativeAssets assets;
    private final TargetedPlayers players;

    BookingRules(CreativeAssets assets, TargetedPlayers players) {
        this.assets = assets;
        this.players = players;
    }

    List<BrokenRule> check(Flight flight, PlayerTarget target, List<Creative> creatives, Instant now) {
        List<BrokenRule> broken = new ArrayList<>();
        if (flight == null) {
            broken.add(new BrokenRule("flight", "required", "a booked campaign needs a flight"));
        } else if (!flight.end().isAfter(now)) {
            broken.add(new BrokenRule("flight.end", "future", "the flight ended at " + flight.end()
                    + "; a booked flight must end in the future"));
        }
        if (target == null) {
            broken.add(new BrokenRule("targeting", "required", "a booked campaign needs a targeting"));
        }
        if (creatives.isEmpty()) {
            broken.add(new BrokenRule("creatives", "required", "a booked campaign needs at least one creative"));
        }
        Optional<List<TargetedPlayer>> reached = target == null ? Optional.empty() : players.find(target);
        if (reached.isPresent() && reached.get().isEmpty()) {
            broken.add(new BrokenRule("targeting", "reaches-players", "the targeting reaches no active player"));
        }
        for (int i = 0; i < creatives.size(); i++) {
            checkCreative("creatives[" + i + "]", creatives.get(i), reached, broken);
        }
        return broken;
    }

    private void checkCreative(String field, Creative creative, Optional<List<TargetedPlayer>> reached,
                               List<BrokenRule> broken) {
        String asset = "asset " + creative.assetId();
        Optional<CreativeAsset> found = assets.find(creative.asset());
        if (found.isEmpty()) {
            broken.add(new BrokenRule(field + ".assetId", "exists", asset + " does not exist"));
            return;
        }
        CreativeAsset facts = found.get();
        if (facts.status() != AssetStatus.ACTIVE) {
            broken.add(new BrokenRule(field + ".assetId", "in-use", asset + " is " + facts.status()));
        }
        if (facts.approval() != Approval.APPROVED) {
            broken.add(new BrokenRule(field + ".assetId", "approved", asset + " is not approved (" + facts.approval()
                    + ")"));
        }
        if (facts.orientation() != null && facts.orientation() != creative.orientation()) {
            broken.add(new BrokenRule(field + ".orientation", "orientation", asset + " is " + facts.orientation()
                    + ", not " + creative.orientation()));
        }
        if (facts.playableProfiles().isEmpty()) {
            broken.add(new BrokenRule(field + ".assetId", "playable", asset + " plays on no player profile"));
        } else if (reached.isPresent() && !reached.get().isEmpty() && !playedByAny(facts, creative, reached.get())) {
            broken.add(new BrokenRule(field + ".assetId", "playable-by-targeted-player", asset
                    + " plays on no targeted " + creative.orientation() + " player (it plays on "
                    + String.join(", ", facts.playableProfiles()) + ")"));
        }
    }

    private static boolean playedByAny(CreativeAsset facts, Creative creative, List<TargetedPlayer> reached) {
        return reached.stream().anyMatch(player -> player.orientation() == creative.orientation()
                && facts.playableProfiles().contains(player.hardwareProfile()));
    }
}
