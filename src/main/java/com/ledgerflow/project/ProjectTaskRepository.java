package com.ledgerflow.project;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectTaskRepository extends JpaRepository<ProjectTask, UUID> {

	List<ProjectTask> findByProjectIdOrderByDueDateAscNameAsc(UUID projectId);

}
