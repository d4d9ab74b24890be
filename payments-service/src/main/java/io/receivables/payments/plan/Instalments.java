package io.receivables.payments.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;

/**
 * The arithmetic of a plan's instalments, exact in the currency's minor units: {@code n} equal instalments at an
 * interval, the last absorbing what does not divide evenly, so that they always add up to what they split.
 */
public final class Instalments {

    /** The most instalments a plan has (the down payment not counted). */
    public static final int MAX = 60;
    /** The longest interval of {@link Interval#DAYS}, in days. */
    public static final int MAX_INTERVAL_DAYS = 366;

    /** How far apart equal instalments fall. */
    @Schema(name = "InstalmentInterval")
    public enum Interval {
        WEEKLY,
        MONTHLY,
        /** Every {@code intervalDays} days. */
        DAYS
    }

    /** One amount due on one day. */
    public record Due(LocalDate dueDate, BigDecimal amount) {
    }

    private Instalments() {
    }

    /**
     * {@code amount} split into {@code count} instalments from {@code first} on: each the amount divided by the count,
     * rounded down to the currency's minor units, and the last the rest (so it is larger by less than {@code count}
     * minor units). The amount must have no more decimals than the currency; the first share may be zero when the
     * amount is less than {@code count} minor units (callers refuse that).
     */
    public static List<Due> equal(BigDecimal amount, int count, LocalDate first, Interval interval, int intervalDays,
            String currency) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        int scale = Currencies.minorUnits(currency);
        BigDecimal share = amount.divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
        BigDecimal last = amount.subtract(share.multiply(BigDecimal.valueOf(count - 1L))).setScale(scale,
                RoundingMode.UNNECESSARY);
        List<Due> due = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            due.add(new Due(dueDate(first, i, interval, intervalDays), i == count - 1 ? last : share));
        }
        return List.copyOf(due);
    }

    /**
     * The due date of the instalment {@code index} (0 is the first): always counted from the first date, so that
     * monthly instalments from 31 January fall on 28 (29) February, then 31 March, never drifting to the 28th.
     */
    public static LocalDate dueDate(LocalDate first, int index, Interval interval, int intervalDays) {
        return switch (interval) {
            case WEEKLY -> first.plusWeeks(index);
            case MONTHLY -> first.plusMonths(index);
            case DAYS -> first.plusDays((long) index * intervalDays);
        };
    }

    /** What the instalments add up to. */
    public static BigDecimal sum(List<Due> due) {
        return due.stream().map(Due::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
