package com.ledgerflow.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, UUID> {

	Optional<Project> findByCode(String code);

	List<Project> findAllByOrderByCodeAsc();

}
