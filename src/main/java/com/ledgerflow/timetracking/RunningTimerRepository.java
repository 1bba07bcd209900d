package com.ledgerflow.timetracking;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RunningTimerRepository extends JpaRepository<RunningTimer, UUID> {

}
