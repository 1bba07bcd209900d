package com.ledgerflow.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRateRepository extends JpaRepository<ProjectRate, UUID> {

	List<ProjectRate> findByProjectId(UUID projectId);

	Optional<ProjectRate> findByProjectIdAndPersonId(UUID projectId, UUID personId);

	Optional<ProjectRate> findByProjectIdAndPersonIdIsNull(UUID projectId);

}
