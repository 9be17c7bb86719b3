package dev.kompose.planner;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which complete dumps {@code db:cleanup} keeps, counted as restic's {@code forget} counts its
 * {@code --keep-last/--keep-daily/--keep-weekly/--keep-monthly} rules: going from the newest dump
 * to the oldest, each rule keeps the newest dump of each of its last N buckets (calendar day, ISO
 * week, calendar month of the time in the dump's name) that hold a dump; {@code --keep N} keeps the
 * newest N. The union of what the rules keep is kept, and the newest dump is always kept whatever
 * the rules say. Pure: dates in, decisions out.
 *
 * @param last --keep N: the newest N dumps
 * @param daily --keep-daily D: the newest dump of each of the last D days that have one
 * @param weekly --keep-weekly W: the newest dump of each of the last W ISO weeks that have one
 * @param monthly --keep-monthly M: the newest dump of each of the last M months that have one
 */
public record RetentionPolicy(int last, int daily, int weekly, int monthly) {

    /** The rule that always holds: the newest complete dump is never deleted. */
    public static final String NEWEST = "newest";

    public RetentionPolicy {
        if (last < 0 || daily < 0 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("a --keep count must be 0 or more");
        }
    }

    /** Keep only the newest N (the behaviour of {@code db:cleanup --keep N} before the calendar rules). */
    public static RetentionPolicy newest(int count) {
        return new RetentionPolicy(count, 0, 0, 0);
    }

    /** The rules as options, in the order help lists them ("--keep 2 --keep-daily 7"). */
    public String options() {
        List<String> parts = new ArrayList<>();
        if (last > 0) {
            parts.add("--keep " + last);
        }
        if (daily > 0) {
            parts.add("--keep-daily " + daily);
        }
        if (weekly > 0) {
            parts.add("--keep-weekly " + weekly);
        }
        if (monthly > 0) {
            parts.add("--keep-monthly " + monthly);
        }
        return parts.isEmpty() ? "--keep 0" : String.join(" ", parts);
    }

    /**
     * The dumps kept and the rules that keep each ("last #1", "daily #3": the rule and which of its
     * buckets, counted from the newest), in the order given; a dump absent from the map goes.
     *
     * @param newestFirst complete dumps, newest first (as the read phase lists them)
     * @param time when each dump was made (from its name)
     */
    public <T> Map<T, List<String>> kept(List<T> newestFirst, Function<T, LocalDateTime> time) {
        Map<T, List<String>> kept = new LinkedHashMap<>();
        Rule[] rules = {new Rule("last", last, null), new Rule("daily", daily, t -> (long) t.toLocalDate().toEpochDay()),
            new Rule("weekly", weekly, t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            new Rule("monthly", monthly, t -> t.getYear() * 100L + t.getMonthValue())};
        boolean first = true;
        for (T dump : newestFirst) {
            List<String> reasons = new ArrayList<>();
            if (first) {
                reasons.add(NEWEST);
                first = false;
            }
            for (Rule rule : rules) {
                rule.offer(time.apply(dump)).ifPresent(reasons::add);
            }
            if (!reasons.isEmpty()) {
                kept.put(dump, List.copyOf(reasons));
            }
        }
        return kept;
    }

    /** One rule's count of buckets; the bucket of a dump is null for --keep N (every dump is its own bucket). */
    private static final class Rule {
        private final String name;
        private final int count;
        private final Function<LocalDateTime, Long> bucket;
        private int used;
        private Long lastBucket;

        Rule(String name, int count, Function<LocalDateTime, Long> bucket) {
            this.name = name;
            this.count = count;
            this.bucket = bucket;
        }

        /** Newest first: the first dump of a bucket not seen yet is kept while the rule has buckets left. */
        java.util.Optional<String> offer(LocalDateTime time) {
            if (used >= count) {
                return java.util.Optional.empty();
            }
            Long value = bucket == null ? null : bucket.apply(time);
            if (bucket != null && value.equals(lastBucket)) {
                return java.util.Optional.empty();
            }
            lastBucket = value;
            used++;
            return java.util.Optional.of(name + " #" + used);
        }
    }
}
