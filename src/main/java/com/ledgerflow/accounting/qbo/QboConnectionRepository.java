package com.ledgerflow.accounting.qbo;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface QboConnectionRepository extends JpaRepository<QboConnection, String> {

	/** The connected company (Ledgerflow books into one company; connecting another replaces it). */
	Optional<QboConnection> findFirstByOrderByConnectedAtDesc();

	/**
	 * The row locked until the caller's transaction ends ({@code select ... for update}): whoever holds it is the only
	 * one, on any node, to use the refresh token.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from QboConnection c where c.realmId = :realmId")
	Optional<QboConnection> lockByRealmId(String realmId);

}
