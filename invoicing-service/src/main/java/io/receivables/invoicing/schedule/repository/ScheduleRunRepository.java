package io.receivables.invoicing.schedule.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.invoicing.schedule.ScheduleRun;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ScheduleRunRepository implements PanacheRepositoryBase<ScheduleRun, ScheduleRun.Key> {

    /** The issued periods of these schedules, each schedule's in period order. */
    public Uni<List<ScheduleRun>> ofSchedules(List<UUID> scheduleIds) {
        if (scheduleIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("scheduleId in ?1 order by scheduleId, periodStart", scheduleIds);
    }
}
