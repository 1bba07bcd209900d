package com.ledgerflow.accounting;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExternalLinkRepository extends JpaRepository<ExternalLink, UUID> {

	Optional<ExternalLink> findBySystemAndEntityTypeAndLocalId(String system, String entityType, UUID localId);

}
