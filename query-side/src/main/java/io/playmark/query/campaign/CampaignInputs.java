package io.playmark.query.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.asset.Orientation;
import io.playmark.kernel.asset.Tag;
import io.playmark.kernel.campaign.CompetitiveSeparation;
import io.playmark.kernel.campaign.Creative;
import io.playmark.kernel.campaign.Daypart;
import io.playmark.kernel.campaign.Dayparts;
import io.playmark.kernel.campaign.Flight;
import io.playmark.kernel.campaign.FrequencyCaps;
import io.playmark.kernel.campaign.Goal;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.kernel.campaign.ProposedCampaign;
import io.playmark.kernel.player.GeoArea;
import io.playmark.kernel.player.GeoPoint;
import io.playmark.kernel.player.PlayerGroupId;
import io.playmark.kernel.player.PlayerId;
import io.playmark.kernel.player.PlayerTarget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The GraphQL inputs of campaign edits, and the kernel values they make (which check them). */
final class CampaignInputs {

    private CampaignInputs() {
    }

    record FlightInput(Instant start, Instant end) {
        Flight flight() {
            return new Flight(start, end);
        }
    }

    record DaypartInput(List<DayOfWeek> days, String from, String to) {
        Daypart daypart() {
            return new Daypart(days == null ? null : new HashSet<>(days), time("dayparts.from", from),
                    time("dayparts.to", to));
        }

        static Dayparts dayparts(List<DaypartInput> inputs) {
            return new Dayparts(inputs.stream().map(DaypartInput::daypart).toList());
        }

        private static LocalTime time(String field, String text) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException notATime) {
                throw new InvalidValueException(field, field + " must be a local time as HH:mm, was '" + text + "'");
            }
        }
    }

    record CoordinatesInput(double latitude, double longitude) {
        GeoPoint point() {
            return new GeoPoint(latitude, longitude);
        }
    }

    record RadiusInput(CoordinatesInput centre, double metres) {
    }

    record TargetingInput(List<String> players, List<String> groups, List<String> tags, RadiusInput radius,
                          List<CoordinatesInput> polygon) {
        PlayerTarget target() {
            boolean hasPolygon = polygon != null && !polygon.isEmpty();
            if (radius != null && hasPolygon) {
                throw new InvalidValueException("targeting.polygon", "give a radius or a polygon, not both");
            }
            GeoArea area = radius != null ? new GeoArea.Circle(radius.centre().point(), radius.metres())
                    : hasPolygon ? new GeoArea.Polygon(polygon.stream().map(CoordinatesInput::point).toList()) : null;
            return new PlayerTarget(
                    players == null ? null : players.stream().map(PlayerId::new).collect(Collectors.toSet()),
                    groups == null ? null : groups.stream().map(PlayerGroupId::new).collect(Collectors.toSet()),
                    tags == null ? null : tags.stream().map(Tag::new).collect(Collectors.toSet()), area);
        }
    }

    record CreativeInput(String assetId, Orientation orientation, int weight) {
        Creative creative() {
            return new Creative(assetId, orientation, weight);
        }
    }

    record GoalInput(GoalKind kind, long target) {
        Goal goal() {
            return new Goal(kind, target);
        }
    }

    /** A campaign as it would be booked, for availability. */
    record AvailabilityInput(TargetingInput targeting, FlightInput flight, List<DaypartInput> dayparts,
                             PriorityTier tier, GoalInput goal) {

        ProposedCampaign campaign() {
            if (targeting == null) {
                throw new InvalidValueException("targeting", "availability needs a targeting");
            }
            if (flight == null) {
                throw new InvalidValueException("flight", "availability needs a flight");
            }
            return new ProposedCampaign(null, targeting.target(), flight.flight(),
                    DaypartInput.dayparts(dayparts == null ? List.of() : dayparts), tier,
                    goal == null ? null : goal.goal(), true);
        }
    }

    record FrequencyCapsInput(Integer maxPlaysPerHour, Integer maxPlaysPerDay, Integer minMinutesBetweenPlays) {
        FrequencyCaps caps() {
            return new FrequencyCaps(maxPlaysPerHour, maxPlaysPerDay, minMinutesBetweenPlays);
        }
    }

    record CompetitiveSeparationInput(String category, int minMinutesApart) {
        CompetitiveSeparation separation() {
            return new CompetitiveSeparation(category, minMinutesApart);
        }
    }
}
