package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:updateFrequency}: the intended release schedule.
 *
 * @param text     how the schedule reads to a listener, e.g. "Every other Monday"
 * @param rrule    optional, an RFC 5545 recurrence rule, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO}
 * @param dtstart  optional, when the rule begins (ISO 8601); required by a rule with {@code COUNT}
 * @param complete whether no more episodes are planned
 */
public record UpdateFrequency(String text, String rrule, String dtstart, boolean complete) {
}
