package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

	List<Payment> findByInvoiceIdOrderByRecordedAtAscIdAsc(UUID invoiceId);

	List<Payment> findAllByOrderByRecordedAtDescIdDesc(Limit limit);

	Optional<Payment> findByOriginAndExternalIdAndInvoiceId(PaymentOrigin origin, String externalId, UUID invoiceId);

	List<Payment> findByOriginAndExternalId(PaymentOrigin origin, String externalId);

	/** The sum of the amounts applied to the invoice (zero without payments). */
	@Query("select coalesce(sum(p.appliedAmount), 0) from Payment p where p.invoiceId = ?1")
	BigDecimal appliedTo(UUID invoiceId);

	/** Per invoice of {@code invoiceIds} that has payments: {@code [invoiceId, applied sum]}. */
	@Query("select p.invoiceId, sum(p.appliedAmount) from Payment p where p.invoiceId in ?1 group by p.invoiceId")
	List<Object[]> appliedToEach(Collection<UUID> invoiceIds);

}
