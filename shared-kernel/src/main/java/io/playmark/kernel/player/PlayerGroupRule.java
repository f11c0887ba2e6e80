package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Tag;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which players a dynamic group holds: every criterion given must hold. {@code anyTags}: the player carries at least
 * one of them; {@code allTags}: it carries all of them; {@code circle} or {@code polygon} (one at most): it stands
 * inside; {@code timeZones}: its zone is one of them. At least one criterion is needed.
 */
public record PlayerGroupRule(Set<String> anyTags, Set<String> allTags, GeoArea.Circle circle,
                              GeoArea.Polygon polygon, Set<String> timeZones) {

    public PlayerGroupRule {
        anyTags = tagValues(anyTags);
        allTags = tagValues(allTags);
        timeZones = timeZones == null ? Set.of() : timeZones.stream()
                .map(zone -> TimeZones.of("timeZones", zone).getId()).collect(Collectors.toCollection(TreeSet::new));
        if (circle != null && polygon != null) {
            throw new InvalidValueException("area", "a rule has one area: a radius or a polygon, not both");
        }
        if (anyTags.isEmpty() && allTags.isEmpty() && circle == null && polygon == null && timeZones.isEmpty()) {
            throw new InvalidValueException("rule", "a rule needs at least one criterion: tags, an area or time zones");
        }
    }

    public Optional<GeoArea> area() {
        return Optional.ofNullable(circle != null ? circle : polygon);
    }

    public boolean matches(Set<String> tags, GeoPoint location, String timeZone) {
        return (anyTags.isEmpty() || anyTags.stream().anyMatch(tags::contains))
                && tags.containsAll(allTags)
                && area().map(area -> area.contains(location)).orElse(true)
                && (timeZones.isEmpty() || timeZones.contains(timeZone));
    }

    private static Set<String> tagValues(Set<String> values) {
        return values == null ? Set.of() : Tag.values(Tag.of(values));
    }
}
