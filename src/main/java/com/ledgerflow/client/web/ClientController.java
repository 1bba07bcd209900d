package com.ledgerflow.client.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.client.Address;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientDetails;
import com.ledgerflow.client.ClientService;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

	private final ClientService clients;

	ClientController(ClientService clients) {
		this.clients = clients;
	}

	record ClientView(UUID id, String name, List<String> billingEmails, @Nullable Address address, String currency,
			int paymentTermsDays, BigDecimal taxRate, @Nullable BigDecimal lateFeeFixed,
			@Nullable BigDecimal lateFeePercent, long version) {

		static ClientView of(Client client) {
			return new ClientView(client.id(), client.name(), client.billingEmails(), client.address(),
					client.currency().getCurrencyCode(), client.paymentTermsDays(), client.taxRate(), client.lateFeeFixed(),
					client.lateFeePercent(), client.version());
		}

	}

	@GetMapping
	List<ClientView> list() {
		return clients.list().stream().map(ClientView::of).toList();
	}

	@GetMapping("/{id}")
	ClientView get(@PathVariable UUID id) {
		return ClientView.of(clients.get(id));
	}

	@PostMapping
	ResponseEntity<ClientView> create(@Valid @RequestBody ClientDetails details) {
		Client client = clients.create(details);
		return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id())).body(ClientView.of(client));
	}

	@PutMapping("/{id}")
	ClientView update(@PathVariable UUID id, @Valid @RequestBody ClientDetails details) {
		return ClientView.of(clients.update(id, details));
	}

}
