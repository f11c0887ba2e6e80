package io.playmark.kernel.player;

import io.playmark.kernel.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where an area ends: the circle by great-circle distance, the polygon by its edges. */
class GeoAreaTest {

    /** A 1 km radius around Alexanderplatz, Berlin. */
    private static final GeoArea.Circle CIRCLE = new GeoArea.Circle(new GeoPoint(52.5219, 13.4132), 1_000);
    /** A concave L shape: the notch at the top right is outside. */
    private static final GeoArea.Polygon L_SHAPE = new GeoArea.Polygon(List.of(new GeoPoint(0, 0),
            new GeoPoint(0, 2), new GeoPoint(1, 2), new GeoPoint(1, 1), new GeoPoint(2, 1), new GeoPoint(2, 0)));

    @ParameterizedTest(name = "{0},{1} in the circle: {2}")
    @CsvSource({
            "52.5219, 13.4132, true",   // the centre
            "52.5299, 13.4132, true",   // ~890 m north
            "52.5319, 13.4132, false",  // ~1,110 m north
            "52.5219, 13.4270, true",   // ~935 m east (a degree of longitude is shorter up north)
            "52.5219, 13.4300, false",  // ~1,140 m east
            "40.7580, -73.9855, false"  // New York
    })
    void a_circle_holds_the_points_within_its_radius(double latitude, double longitude, boolean inside) {
        assertThat(CIRCLE.contains(new GeoPoint(latitude, longitude))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0},{1} in the L: {2}")
    @CsvSource({
            "0.5, 0.5, true",   // the corner square
            "0.5, 1.5, true",   // the lower arm
            "1.5, 0.5, true",   // the upper arm
            "1.5, 1.5, false",  // the notch
            "3.0, 0.5, false",  // beyond the top
            "-0.1, 0.5, false"  // below
    })
    void a_polygon_holds_the_points_inside_its_edges_even_when_concave(double latitude, double longitude,
                                                                       boolean inside) {
        assertThat(L_SHAPE.contains(new GeoPoint(latitude, longitude))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "radius {0}")
    @CsvSource({"0", "-5", "20000001", "NaN"})
    void a_radius_must_be_positive_and_at_most_20000_km(double radius) {
        assertThatThrownBy(() -> new GeoArea.Circle(new GeoPoint(0, 0), radius))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("radiusMetres"));
    }
}
