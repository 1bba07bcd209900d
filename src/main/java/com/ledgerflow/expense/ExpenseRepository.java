package com.ledgerflow.expense;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpenseRepository extends JpaRepository<Expense, UUID> {

	List<Expense> findByPersonIdOrderByDateDescCreatedAtDesc(UUID personId);

	List<Expense> findByProjectIdOrderByDateDesc(UUID projectId);

}
