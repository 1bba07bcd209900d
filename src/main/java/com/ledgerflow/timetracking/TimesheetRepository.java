package com.ledgerflow.timetracking;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TimesheetRepository extends JpaRepository<Timesheet, Timesheet.Key> {

	@Query("select t from Timesheet t where t.key.personId = ?1 and t.key.isoWeek = ?2")
	Optional<Timesheet> find(UUID personId, String isoWeek);

}
