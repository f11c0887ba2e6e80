package io.playmark.query.campaign;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.ProblemAnswers;
import io.playmark.kernel.campaign.AdCapacityReport;
import io.playmark.kernel.campaign.FindAdCapacityQuery;
import io.playmark.kernel.campaign.GoalKind;
import io.playmark.kernel.campaign.PriorityTier;
import io.playmark.query.campaign.CampaignInputs.AvailabilityInput;
import io.playmark.query.campaign.CampaignInputs.CoordinatesInput;
import io.playmark.query.campaign.CampaignInputs.DaypartInput;
import io.playmark.query.campaign.CampaignInputs.FlightInput;
import io.playmark.query.campaign.CampaignInputs.GoalInput;
import io.playmark.query.campaign.CampaignInputs.RadiusInput;
import io.playmark.query.campaign.CampaignInputs.TargetingInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.playmark.kernel.ErrorKind.BAD_REQUEST;

/** Availability over REST, as GraphQL's campaignAvailability answers it, for scripts and spreadsheets. */
@RestController
@Tag(name = "Campaigns", description = "Planning campaigns")
class CapacityRestController {

    /** "MONDAY FRIDAY@22:00-02:00": days, then the local time range (in a URL the space is a +). */
    private static final Pattern DAYPART = Pattern.compile("([A-Za-z ]+)@(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private final AdInventory inventory;

    CapacityRestController(AdInventory inventory) {
        this.inventory = inventory;
    }

    @Schema(name = "CampaignAvailability")
    record Availability(@Schema(description = "Where the window starts: now or the flight's start (UTC)") Instant from,
                        @Schema(description = "Where it ends: the flight's end or 31 days after from") Instant to,
                        @Schema(description = "The ad plays its tier could get on all players") long totalPlays,
                        @Schema(description = "How many player-hours a goal would not fit") int shortfallCount,
                        @Schema(description = "The first 20 of them") List<AdCapacityReport.Shortfall> shortfalls,
                        @Schema(description = "Per player and local day") List<AdCapacityReport.PlayerAvailability>
                                players) {

        static Availability of(AdCapacityReport report) {
            return new Availability(report.from(), report.to(), report.totalPlays(), report.shortfallCount(),
                    report.shortfalls(), report.players());
        }
    }

    @GetMapping("/api/v1/campaign-availability")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'ANALYST')")
    @Operation(operationId = "getCampaignAvailability", summary = "What a proposed campaign could get",
            description = "Per targeted player and local day, the ad plays the campaign's tier could have over the "
                    + "next 31 days of the flight: what the loops' ad slots hold, less what booked campaigns of "
                    + "equal and better tiers ask. With a goal, also the player-hours where it would not fit. "
                    + "Example: `?tags=lobby&start=2027-01-04T00:00:00Z&end=2027-01-11T00:00:00Z"
                    + "&daypart=MONDAY+FRIDAY@09:00-17:00&tier=STANDARD`.")
    @ApiResponse(responseCode = "200", description = "The availability")
    @ProblemAnswers({BAD_REQUEST})
    Availability availability(
            @Parameter(description = "Players by id") @RequestParam(required = false) List<String> players,
            @Parameter(description = "Groups by id") @RequestParam(required = false) List<String> groups,
            @Parameter(description = "Tags") @RequestParam(required = false) List<String> tags,
            @Parameter(description = "Radius: the centre's latitude") @RequestParam(required = false) Double latitude,
            @Parameter(description = "Radius: the centre's longitude") @RequestParam(required = false)
            Double longitude,
            @Parameter(description = "Radius: in metres") @RequestParam(required = false) Double radiusMetres,
            @Parameter(description = "The flight's start (UTC, ISO-8601)", required = true)
            @RequestParam(required = false) String start,
            @Parameter(description = "The flight's end (UTC, ISO-8601)", required = true)
            @RequestParam(required = false) String end,
            @Parameter(description = "Dayparts, each DAYS@HH:mm-HH:mm with days separated by spaces")
            @RequestParam(required = false) List<String> daypart,
            @Parameter(description = "STANDARD when left out") @RequestParam(required = false) PriorityTier tier,
            @Parameter(description = "A goal's kind") @RequestParam(required = false) GoalKind goalKind,
            @Parameter(description = "A goal's target") @RequestParam(required = false) Long goalTarget) {
        RadiusInput radius = radiusMetres == null ? null : new RadiusInput(new CoordinatesInput(
                required("latitude", latitude), required("longitude", longitude)), radiusMetres);
        var input = new AvailabilityInput(new TargetingInput(players, groups, tags, radius, null),
                new FlightInput(instant("start", start), instant("end", end)),
                daypart == null ? null : daypart.stream().map(CapacityRestController::daypart).toList(), tier,
                goalKind == null ? null : new GoalInput(goalKind, required("goalTarget", goalTarget)));
        return Availability.of(inventory.find(new FindAdCapacityQuery(input.campaign(), Instant.now())));
    }

    private static DaypartInput daypart(String text) {
        Matcher parts = DAYPART.matcher(text.strip());
        if (!parts.matches()) {
            throw new InvalidValueException("daypart", "a daypart is DAYS@HH:mm-HH:mm, e.g. MONDAY FRIDAY@09:00-17:00,"
                    + " was '" + text + "'");
        }
        try {
            List<DayOfWeek> days = Arrays.stream(parts.group(1).strip().split(" +"))
                    .map(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))).toList();
            return new DaypartInput(days, parts.group(2), parts.group(3));
        } catch (IllegalArgumentException unknownDay) {
            throw new InvalidValueException("daypart", "'" + parts.group(1) + "' are not days of the week");
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(required(field, text));
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidValueException(field, field + " must be an instant as 2027-01-04T00:00:00Z, was '"
                    + text + "'");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }
}
