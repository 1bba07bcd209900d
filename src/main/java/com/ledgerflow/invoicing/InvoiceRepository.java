package com.ledgerflow.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, UUID> {

	/** Invoices matching every filter given (null: any); by period end, newest first. */
	@Query("""
			select i from Invoice i where (?1 is null or i.clientId = ?1) and (?2 is null or i.projectId = ?2)
			and (?3 is null or i.status = ?3) and (?4 is null or i.periodEnd >= ?4) and (?5 is null or i.periodStart <= ?5)
			order by i.periodEnd desc, i.createdAt desc""")
	List<Invoice> search(@Nullable UUID clientId, @Nullable UUID projectId, @Nullable InvoiceStatus status,
			@Nullable LocalDate periodFrom, @Nullable LocalDate periodTo);

}
