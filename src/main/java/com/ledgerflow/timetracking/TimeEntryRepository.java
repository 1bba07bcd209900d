package com.ledgerflow.timetracking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TimeEntryRepository extends JpaRepository<TimeEntry, UUID> {

	@Query("select e from TimeEntry e where e.personId = ?1 and e.isoWeek = ?2 order by e.date, e.createdAt")
	List<TimeEntry> findWeek(UUID personId, String isoWeek);

	@Query("""
			select e from TimeEntry e where e.personId = ?1 and e.isoWeek = ?2 and e.status in ?3
			order by e.date, e.createdAt""")
	List<TimeEntry> findWeek(UUID personId, String isoWeek, Collection<TimeEntryStatus> statuses);

	@Query("""
			select coalesce(sum(e.minutes), 0) from TimeEntry e where e.personId = ?1 and e.date = ?2
			and (?3 is null or e.id <> ?3) and e.status <> com.ledgerflow.timetracking.TimeEntryStatus.REJECTED""")
	long minutesOn(UUID personId, LocalDate date, @Nullable UUID excluding);

	/** Entries of the person that day whose start–end span overlaps [start, end). */
	@Query("""
			select e from TimeEntry e where e.personId = ?1 and e.date = ?2 and (?3 is null or e.id <> ?3)
			and e.startTime is not null and e.endTime is not null and e.startTime < ?5 and e.endTime > ?4""")
	List<TimeEntry> overlapping(UUID personId, LocalDate date, @Nullable UUID excluding, LocalTime start,
			LocalTime end);

	@Query("""
			select e from TimeEntry e where e.projectId = ?1 and e.date <= ?2 and e.billable = true
			and e.status = com.ledgerflow.timetracking.TimeEntryStatus.APPROVED order by e.date, e.createdAt""")
	List<TimeEntry> findBillable(UUID projectId, LocalDate upTo);

	Optional<TimeEntry> findByExternalId(String externalId);

	/**
	 * Waits for, then holds until the transaction ends, the lock of the external record: changes of one time activity
	 * delivered at once (on any node) are taken over one after the other.
	 */
	@Query(value = "select 1 from pg_advisory_xact_lock(hashtext('time_entry.external_id:' || ?1))",
			nativeQuery = true)
	int lockExternalId(String externalId);

	@Query("""
			select coalesce(sum(e.minutes), 0) from TimeEntry e where e.projectId = ?1 and e.status in
			(com.ledgerflow.timetracking.TimeEntryStatus.APPROVED, com.ledgerflow.timetracking.TimeEntryStatus.INVOICED)""")
	long approvedMinutes(UUID projectId);

	@Query("""
			select coalesce(sum(e.minutes), 0) from TimeEntry e where e.projectId = ?1 and e.status in
			(com.ledgerflow.timetracking.TimeEntryStatus.SUBMITTED, com.ledgerflow.timetracking.TimeEntryStatus.APPROVED,
			 com.ledgerflow.timetracking.TimeEntryStatus.INVOICED)""")
	long bookedMinutes(UUID projectId);

}
