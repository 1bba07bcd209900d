package com.ledgerflow.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientRepository extends JpaRepository<Client, UUID> {

	@Query("select c from Client c where lower(c.name) = lower(?1)")
	Optional<Client> findByNameIgnoreCase(String name);

	List<Client> findAllByOrderByNameAsc();

}
