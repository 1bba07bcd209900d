package com.ledgerflow.project;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneRepository extends JpaRepository<Milestone, UUID> {

	List<Milestone> findByProjectIdOrderByDueDateAscNameAsc(UUID projectId);

	List<Milestone> findByProjectIdAndStatusOrderByCompletedOnAscNameAsc(UUID projectId, MilestoneStatus status);

}
