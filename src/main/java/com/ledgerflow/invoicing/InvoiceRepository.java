package com.ledgerflow.invoicing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, UUID> {

	/** The invoice with its lines loaded (callers read them outside the transaction). */
	@EntityGraph(attributePaths = "lines")
	Optional<Invoice> findWithLinesById(UUID id);

	@EntityGraph(attributePaths = "lines")
	Optional<Invoice> findWithLinesByPublicToken(String publicToken);
	/** The invoice, its row locked ({@code select … for update}) until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id = ?1")
	Optional<Invoice> findLockedById(UUID id);

	/** Invoices matching every filter given (null: any) and overlapping the period; by period end, newest first. */
	@Query("""
			select i from Invoice i where (?1 is null or i.clientId = ?1) and (?2 is null or i.projectId = ?2)
			and (?3 is null or i.status = ?3) and i.periodEnd >= ?4 and i.periodStart <= ?5
			order by i.periodEnd desc, i.createdAt desc""")
	List<Invoice> search(@Nullable UUID clientId, @Nullable UUID projectId, @Nullable InvoiceStatus status,
			LocalDate periodFrom, LocalDate periodTo);

	/** The numbers of those of the invoices that have one, in one query (no invoice or line is loaded). */
	@Query("select i.id as id, i.number as number from Invoice i where i.id in ?1 and i.number is not null")
	List<Numbered> findNumbersByIdIn(Collection<UUID> ids);

	/** An invoice's id with its number. */
	interface Numbered {

		UUID getId();

		String getNumber();

	}

}
