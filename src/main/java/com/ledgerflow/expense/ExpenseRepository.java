package com.ledgerflow.expense;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExpenseRepository extends JpaRepository<Expense, UUID> {

	List<Expense> findByPersonIdOrderByDateDescCreatedAtDesc(UUID personId);

	@Query("""
			select e from Expense e where e.projectId = ?1 and e.date <= ?2 and e.billable = true
			and e.status = com.ledgerflow.expense.ExpenseStatus.APPROVED order by e.date, e.createdAt""")
	List<Expense> findBillable(UUID projectId, LocalDate upTo);

	Optional<Expense> findByExternalId(String externalId);

	List<Expense> findByExternalIdStartingWith(String prefix);

	/**
	 * Waits for, then holds until the transaction ends, the lock of a purchase in the accounting system: changes of
	 * one purchase delivered at once (on any node) are taken over one after the other.
	 */
	@Query(value = "select 1 from pg_advisory_xact_lock(hashtext('expense.purchase:' || ?1))", nativeQuery = true)
	int lockPurchase(String purchaseId);

}
