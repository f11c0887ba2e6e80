package io.playmark.kernel.campaign;

import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.player.GeoArea;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link PlayerTarget} as plain values, for events and read models: ids and tags as text, and the area as a
 * centre with a radius or as polygon corners (or neither).
 */
public record Targeting(List<String> players, List<String> groups, List<String> tags, GeoPoint centre,
                        Double radiusMetres, List<GeoPoint> polygon) {

    public Targeting {
        players = players == null ? List.of() : List.copyOf(players);
        groups = groups == null ? List.of() : List.copyOf(groups);
        tags = tags == null ? List.of() : List.copyOf(tags);
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
    }

    public static Targeting of(PlayerTarget target) {
        GeoPoint centre = target.area() instanceof GeoArea.Circle circle ? circle.centre() : null;
        Double radius = target.area() instanceof GeoArea.Circle circle ? circle.radiusMetres() : null;
        List<GeoPoint> corners = target.area() instanceof GeoArea.Polygon polygon ? polygon.corners() : List.of();
        return new Targeting(sorted(target.players().stream().map(PlayerId::value)),
                sorted(target.groups().stream().map(PlayerGroupId::value)),
                sorted(target.tags().stream().map(Tag::value)), centre, radius, corners);
    }

    public PlayerTarget toTarget() {
        GeoArea area = centre != null ? new GeoArea.Circle(centre, radiusMetres)
                : polygon.isEmpty() ? null : new GeoArea.Polygon(polygon);
        return new PlayerTarget(players.stream().map(PlayerId::new).collect(Collectors.toSet()),
                groups.stream().map(PlayerGroupId::new).collect(Collectors.toSet()),
                tags.stream().map(Tag::new).collect(Collectors.toSet()), area);
    }

    private static List<String> sorted(java.util.stream.Stream<String> values) {
        return values.sorted().toList();
    }
}
