package io.receivables.common.time;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The configured {@link BusinessCalendar}; a service or a test may replace it with a bean of its own. */
public class BusinessCalendarProducer {

    @Produces
    @Singleton
    @DefaultBean
    BusinessCalendar businessCalendar(BusinessCalendarConfig config) {
        return new BusinessCalendar(config.weekend(), config.holidays().orElse(List.of()), config.zone());
    }
}
