package dev.kompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention as restic's forget counts it, over 90 days of dumps: one a day at 02:00 from
 * 2025-01-01 (a Wednesday, ISO week 2025-W01) to 2025-03-31 (a Monday, W14), none on 25, 26 and
 * 27 March, and a second one at 14:00 on the 15th of each month. The expected keep sets were
 * worked out by hand from the calendar, not by running the policy.
 */
class RetentionPolicyTest {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH");

    /** 90 days minus the 3-day gap, plus 3 afternoon dumps: 90 dumps, newest first. */
    static List<LocalDateTime> ninetyDays() {
        List<LocalDateTime> dumps = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 1, 1); !day.isAfter(LocalDate.of(2025, 3, 31)); day = day.plusDays(1)) {
            if (day.getMonthValue() == 3 && day.getDayOfMonth() >= 25 && day.getDayOfMonth() <= 27) {
                continue;
            }
            dumps.add(day.atTime(2, 0));
            if (day.getDayOfMonth() == 15) {
                dumps.add(day.atTime(14, 0));
            }
        }
        dumps.sort(Comparator.reverseOrder());
        return dumps;
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(new RetentionPolicy(3, 0, 0, 0), List.of("03-31 02", "03-30 02", "03-29 02")),
                // days that hold no dump (25-27 March) use up no bucket
                Arguments.of(new RetentionPolicy(0, 7, 0, 0),
                        List.of("03-31 02", "03-30 02", "03-29 02", "03-28 02", "03-24 02", "03-23 02", "03-22 02")),
                // a day's newest dump is its bucket's: 14:00 on the 15th, not 02:00
                Arguments.of(new RetentionPolicy(0, 20, 0, 0), List.of("03-31 02", "03-30 02", "03-29 02", "03-28 02",
                        "03-24 02", "03-23 02", "03-22 02", "03-21 02", "03-20 02", "03-19 02", "03-18 02", "03-17 02",
                        "03-16 02", "03-15 14", "03-14 02", "03-13 02", "03-12 02", "03-11 02", "03-10 02", "03-09 02")),
                // ISO weeks start on Monday: W14 holds only 31 March, W13 ends on Sunday 30 March
                Arguments.of(new RetentionPolicy(0, 0, 4, 0), List.of("03-31 02", "03-30 02", "03-23 02", "03-16 02")),
                // more weeks than hold a dump: every week's newest, W01 (which began in 2024) ends on 5 January
                Arguments.of(new RetentionPolicy(0, 0, 20, 0), List.of("03-31 02", "03-30 02", "03-23 02", "03-16 02",
                        "03-09 02", "03-02 02", "02-23 02", "02-16 02", "02-09 02", "02-02 02", "01-26 02", "01-19 02",
                        "01-12 02", "01-05 02")),
                Arguments.of(new RetentionPolicy(0, 0, 0, 3), List.of("03-31 02", "02-28 02", "01-31 02")),
                Arguments.of(new RetentionPolicy(0, 0, 0, 12), List.of("03-31 02", "02-28 02", "01-31 02")),
                // the union of what each rule keeps
                Arguments.of(new RetentionPolicy(2, 5, 3, 3), List.of("03-31 02", "03-30 02", "03-29 02", "03-28 02",
                        "03-24 02", "03-23 02", "02-28 02", "01-31 02")),
                Arguments.of(new RetentionPolicy(0, 3, 0, 2), List.of("03-31 02", "03-30 02", "03-29 02", "02-28 02")),
                // no rule at all (--keep 0): the newest complete dump still stays
                Arguments.of(new RetentionPolicy(0, 0, 0, 0), List.of("03-31 02")),
                Arguments.of(new RetentionPolicy(200, 0, 0, 0), ninetyDays().stream().map(SHOWN::format).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void keepsExactlyWhatTheRulesCount(RetentionPolicy policy, List<String> expected) {
        List<LocalDateTime> dumps = ninetyDays();
        assertEquals(90, dumps.size());
        List<String> kept = policy.kept(dumps, time -> time).keySet().stream().map(SHOWN::format).toList();
        assertEquals(expected, kept);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyKeptDumpNamesTheRulesThatKeepIt(RetentionPolicy policy, List<String> expected) {
        policy.kept(ninetyDays(), time -> time).values().forEach(reasons -> assertEquals(false, reasons.isEmpty()));
    }

    @org.junit.jupiter.api.Test
    void theReasonsCountEachRulesBucketsFromTheNewest() {
        var kept = new RetentionPolicy(2, 5, 3, 3).kept(ninetyDays(), time -> time);
        assertEquals(List.of("newest", "last #1", "daily #1", "weekly #1", "monthly #1"),
                kept.get(LocalDateTime.of(2025, 3, 31, 2, 0)));
        assertEquals(List.of("daily #5"), kept.get(LocalDateTime.of(2025, 3, 24, 2, 0)));
        assertEquals(List.of("last #2", "daily #2", "weekly #2"), kept.get(LocalDateTime.of(2025, 3, 30, 2, 0)));
        assertEquals(List.of("monthly #3"), kept.get(LocalDateTime.of(2025, 1, 31, 2, 0)));
    }

    @org.junit.jupiter.api.Test
    void optionsNameTheRulesAsTyped() {
        assertEquals("--keep 2 --keep-daily 7 --keep-monthly 6", new RetentionPolicy(2, 7, 0, 6).options());
        assertEquals("--keep 0", new RetentionPolicy(0, 0, 0, 0).options());
    }
}
