package com.ledgerflow.client;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and finding clients. */
@Service
public class ClientService {

	private final ClientRepository clients;

	private final Clock clock;

	ClientService(ClientRepository clients, Clock clock) {
		this.clients = clients;
		this.clock = clock;
	}

	@Transactional
	public Client create(ClientDetails details) {
		return clients.saveAndFlush(new Client(details, clock.instant()));
	}

	@Transactional
	public Client update(UUID id, ClientDetails details) {
		Client client = get(id);
		client.apply(details);
		return clients.saveAndFlush(client);
	}

	@Transactional(readOnly = true)
	public Client get(UUID id) {
		return clients.findById(id).orElseThrow(() -> new NotFound("client", id));
	}

	/** The client a request body refers to, or 404 naming that field. */
	@Transactional(readOnly = true)
	public Client referencedBy(String field, UUID id) {
		return clients.findById(id).orElseThrow(() -> new NotFound("client", id, field));
	}

	@Transactional(readOnly = true)
	public Optional<Client> findByName(String name) {
		return clients.findByNameIgnoreCase(name.strip());
	}

	@Transactional(readOnly = true)
	public List<Client> list() {
		return clients.findAllByOrderByNameAsc();
	}

}
