package io.playmark.kernel.report;

import io.playmark.kernel.InvalidValueException;
import io.playmark.kernel.player.TimeZones;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a report runs by itself and where each run goes: daily, weekly (on {@code dayOfWeek}) or monthly (on
 * {@code dayOfMonth}, 1 to 28 so that every month has it) at {@code at} in {@code zone}, covering the day, week or
 * month just closed in that zone; delivered by e-mail to {@code emails} and/or POSTed to {@code webhook} signed with
 * {@code webhookSecret} (HMAC-SHA256, at least 16 characters).
 */
public record ReportSchedule(Frequency frequency, LocalTime at, String zone, DayOfWeek dayOfWeek, Integer dayOfMonth,
                             List<String> emails, URI webhook, String webhookSecret) {

    public enum Frequency { DAILY, WEEKLY, MONTHLY }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAILS = 50;

    public ReportSchedule {
        if (frequency == null || at == null) {
            throw new InvalidValueException("schedule", "a schedule needs a frequency and a time of day");
        }
        at = at.withSecond(0).withNano(0);
        zone = TimeZones.of("zone", zone == null ? "UTC" : zone).getId();
        if (frequency == Frequency.WEEKLY && dayOfWeek == null) {
            throw new InvalidValueException("dayOfWeek", "a weekly schedule needs its day of the week");
        }
        if (frequency == Frequency.MONTHLY && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 28)) {
            throw new InvalidValueException("dayOfMonth", "a monthly schedule runs on day 1 to 28, was " + dayOfMonth);
        }
        dayOfWeek = frequency == Frequency.WEEKLY ? dayOfWeek : null;
        dayOfMonth = frequency == Frequency.MONTHLY ? dayOfMonth : null;
        emails = emails == null ? List.of() : emails.stream().map(String::strip).distinct().toList();
        if (emails.size() > MAX_EMAILS || emails.stream().anyMatch(email -> !EMAIL.matcher(email).matches())) {
            throw new InvalidValueException("emails", "up to " + MAX_EMAILS + " e-mail addresses, each like "
                    + "name@example.com, were " + emails);
        }
        if (webhook != null) {
            String scheme = webhook.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || webhook.getHost() == null) {
                throw new InvalidValueException("webhook", "a webhook is an https URL, was " + webhook);
            }
            if (webhookSecret == null || webhookSecret.length() < 16 || webhookSecret.length() > 200) {
                throw new InvalidValueException("webhookSecret", "a webhook needs a secret of 16 to 200 characters");
            }
        } else {
            webhookSecret = null;
        }
        if (emails.isEmpty() && webhook == null) {
            throw new InvalidValueException("schedule", "a schedule delivers by e-mail, webhook or both: name one");
        }
    }

    /** The period a run covers: the one just closed. */
    public TimeRange period() {
        return TimeRange.previous(switch (frequency) {
            case DAILY -> TimeRange.Kind.PREVIOUS_DAY;
            case WEEKLY -> TimeRange.Kind.PREVIOUS_WEEK;
            case MONTHLY -> TimeRange.Kind.PREVIOUS_MONTH;
        });
    }

    /** The schedule as a cron expression, read in {@link #zone}. */
    public String cron() {
        String time = at.getMinute() + " " + at.getHour();
        return switch (frequency) {
            case DAILY -> time + " * * *";
            case WEEKLY -> time + " * * " + (dayOfWeek.getValue() % 7);
            case MONTHLY -> time + " " + dayOfMonth + " * *";
        };
    }
}
