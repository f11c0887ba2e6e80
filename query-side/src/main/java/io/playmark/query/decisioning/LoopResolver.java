package io.playmark.query.decisioning;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.player.TargetedPlayer;
import io.playmark.kernel.schedule.AdSlots;
import io.playmark.kernel.schedule.Occurrence;
import io.playmark.kernel.schedule.PlaylistItem;
import io.playmark.kernel.schedule.ScheduledPlaylist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Resolves what one player shows over a window: a pure function of the player, its schedule entries (with their
 * occurrences), the campaigns that target it and the window, so the same state and window give the same timeline.
 * At every moment the exclusive entry, or else the highest-priority entry, with an occurrence covering it plays its loop — content items in
 * order, then its ad slots — phased from the occurrence's start; each ad slot goes to the {@link AdSlotFiller}.
 */
public final class LoopResolver {

    public static final Duration MAX_WINDOW = Duration.ofHours(48);

    private record Step(String assetId, Duration duration, boolean adSlot) {
    }

    public Timeline resolve(TargetedPlayer player, List<ScheduledPlaylist> entries, List<DecisionCampaign> campaigns,
                            Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidValueException("from", "a window needs a start before its end");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidValueException("to", "a window is at most " + MAX_WINDOW.toHours() + " hours long");
        }
        // an exclusive entry takes its time from every shared one, whatever their priorities
        List<ScheduledPlaylist> ranked = entries.stream()
                .sorted(Comparator.comparing(ScheduledPlaylist::exclusive).reversed()
                        .thenComparing(Comparator.comparingInt(ScheduledPlaylist::priority).reversed())).toList();
        AdSlotFiller filler = new AdSlotFiller(player, campaigns);
        List<TimelineItem> items = new ArrayList<>();
        List<SlotDecision> slots = new ArrayList<>();
        List<Instant> bounds = boundaries(ranked, from, to);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Instant segmentStart = bounds.get(i);
            Instant segmentEnd = bounds.get(i + 1);
            for (ScheduledPlaylist entry : ranked) {
                Occurrence occurrence = covering(entry, segmentStart);
                if (occurrence != null) {
                    play(player, entry, occurrence, segmentStart, segmentEnd, filler, items, slots);
                    break;
                }
            }
        }
        return new Timeline(items, slots);
    }

    /** The moments the winning entry may change: the window's ends and every occurrence start and end inside it. */
    private static List<Instant> boundaries(List<ScheduledPlaylist> entries, Instant from, Instant to) {
        TreeSet<Instant> bounds = new TreeSet<>(List.of(from, to));
        for (ScheduledPlaylist entry : entries) {
            for (Occurrence occurrence : entry.occurrences()) {
                for (Instant bound : List.of(occurrence.start(), occurrence.end())) {
                    if (bound.isAfter(from) && bound.isBefore(to)) {
                        bounds.add(bound);
                    }
                }
            }
        }
        return List.copyOf(bounds);
    }

    private static Occurrence covering(ScheduledPlaylist entry, Instant at) {
        return entry.occurrences().stream()
                .filter(occurrence -> !at.isBefore(occurrence.start()) && at.isBefore(occurrence.end()))
                .findFirst().orElse(null);
    }

    private static void play(TargetedPlayer player, ScheduledPlaylist entry, Occurrence occurrence, Instant from,
                             Instant to, AdSlotFiller filler, List<TimelineItem> items, List<SlotDecision> slots) {
        List<Step> loop = loop(entry, player.loopLength());
        long cycleMillis = loop.stream().mapToLong(step -> step.duration().toMillis()).sum();
        if (cycleMillis == 0) {
            return;
        }
        long loopsBefore = Duration.between(occurrence.start(), from).toMillis() / cycleMillis;
        Instant stepStart = occurrence.start().plusMillis(loopsBefore * cycleMillis);
        while (stepStart.isBefore(to)) {
            for (Step step : entry.shuffle() ? shuffled(loop, Draws.at(player, stepStart)) : loop) {
                Instant stepEnd = stepStart.plus(step.duration());
                Instant start = stepStart.isBefore(from) ? from : stepStart;
                Instant end = stepEnd.isAfter(to) ? to : stepEnd;
                if (start.isBefore(end)) {
                    emit(player, step, start, Duration.between(start, end), filler, items, slots);
                }
                stepStart = stepEnd;
                if (!stepStart.isBefore(to)) {
                    return;
                }
            }
        }
    }

    private static void emit(TargetedPlayer player, Step step, Instant start, Duration duration, AdSlotFiller filler,
                             List<TimelineItem> items, List<SlotDecision> slots) {
        var local = start.atZone(player.zone()).toLocalDateTime();
        if (!step.adSlot()) {
            items.add(new TimelineItem(start, local, duration, step.assetId(), null));
            return;
        }
        AdSlotFiller.Fill fill = filler.fill(start, duration);
        slots.add(fill.decision());
        if (fill.creative() != null) {
            items.add(new TimelineItem(start, local, duration, fill.creative().assetId(),
                    fill.decision().winner().id().value()));
        }
    }

    /** A shuffled pass: the content in a drawn order, the ad slots still at its end. */
    private static List<Step> shuffled(List<Step> loop, SplittableRandom draw) {
        List<Step> content = new ArrayList<>(loop.stream().filter(step -> !step.adSlot()).toList());
        for (int i = content.size() - 1; i > 0; i--) {
            Collections.swap(content, i, draw.nextInt(i + 1));
        }
        content.addAll(loop.stream().filter(Step::adSlot).toList());
        return content;
    }

    /**
     * One pass of the entry's loop: its asset items in order (the schedule query has played nested playlists through
     * in place; an item without a duration is left out), then its ad slots; a share of the loop is one slot of that
     * share of the player's loop.
     */
    private static List<Step> loop(ScheduledPlaylist entry, Duration loopLength) {
        List<Step> steps = new ArrayList<>();
        for (PlaylistItem item : entry.items()) {
            if (item.kind() == PlaylistItem.Kind.ASSET && item.durationMillis() != null) {
                steps.add(new Step(item.id(), Duration.ofMillis(item.durationMillis()), false));
            }
        }
        AdSlots adSlots = entry.adSlots();
        for (int i = 0; i < adSlots.count(); i++) {
            steps.add(new Step(null, Duration.ofMillis(adSlots.slotMillis()), true));
        }
        if (adSlots.sharePercent() > 0 && loopLength != null) {
            steps.add(new Step(null, loopLength.multipliedBy(adSlots.sharePercent()).dividedBy(100), true));
        }
        return steps;
    }
}
