package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;

import java.util.List;

/** An area that targets players by where they stand: a radius around a point, or a polygon (a geofence). */
public sealed interface GeoArea {

    boolean contains(GeoPoint point);

    /** Every point within {@code radiusMetres} of {@code centre}. */
    record Circle(GeoPoint centre, double radiusMetres) implements GeoArea {

        public Circle {
            if (centre == null) {
                throw new InvalidValueException("centre", "a radius needs a centre point");
            }
            if (!(radiusMetres > 0 && radiusMetres <= 20_000_000)) {
                throw new InvalidValueException("radiusMetres", "the radius must be more than 0 and at most 20,000 km, was "
                        + radiusMetres);
            }
        }

        @Override
        public boolean contains(GeoPoint point) {
            return centre.metresTo(point) <= radiusMetres;
        }
    }

    /** A simple polygon given by its corners in order (not closed: the last corner joins the first). */
    record Polygon(List<GeoPoint> corners) implements GeoArea {

        public Polygon {
            if (corners == null || corners.size() < 3) {
                throw new InvalidValueException("polygon", "a polygon needs at least 3 corners");
            }
            if (corners.size() > 1000) {
                throw new InvalidValueException("polygon", "a polygon has at most 1,000 corners, " + corners.size() + " were given");
            }
            corners = List.copyOf(corners);
        }

        /** Ray casting on latitude/longitude as plane coordinates; fine for city-sized geofences off the antimeridian. */
        @Override
        public boolean contains(GeoPoint point) {
            boolean inside = false;
            for (int i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
                GeoPoint a = corners.get(i);
                GeoPoint b = corners.get(j);
                boolean crosses = (a.latitude() > point.latitude()) != (b.latitude() > point.latitude());
                if (crosses && point.longitude() < (b.longitude() - a.longitude()) * (point.latitude() - a.latitude())
                        / (b.latitude() - a.latitude()) + a.longitude()) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
