package com.ledgerflow.accounting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExternalLinkRepository extends JpaRepository<ExternalLink, UUID> {

	Optional<ExternalLink> findBySystemAndEntityTypeAndLocalId(String system, String entityType, UUID localId);

	List<ExternalLink> findBySystemAndEntityTypeAndLocalIdIn(String system, String entityType,
			Collection<UUID> localIds);

	List<ExternalLink> findBySystemAndEntityTypeAndExternalId(String system, String entityType, String externalId);

	@Query("""
			select new com.ledgerflow.accounting.SyncStatusCount(l.entityType, count(l) - count(l.lastError), count(l.lastError))
			from ExternalLink l where l.system = :system group by l.entityType order by l.entityType""")
	List<SyncStatusCount> countStatusBySystem(String system);

}
