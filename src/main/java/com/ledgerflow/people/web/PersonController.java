package com.ledgerflow.people.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonDetails;
import com.ledgerflow.people.PersonService;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
class PersonController {

	private final PersonService people;

	PersonController(PersonService people) {
		this.people = people;
	}

	record PersonView(UUID id, String name, String email, String userId, BigDecimal costRate,
			BigDecimal defaultBillRate, boolean active, long version) {

		static PersonView of(Person p) {
			return new PersonView(p.id(), p.name(), p.email(), p.userId(), p.costRate(), p.defaultBillRate(),
					p.active(), p.version());
		}

	}

	@GetMapping
	List<PersonView> list() {
		return people.list().stream().map(PersonView::of).toList();
	}

	@GetMapping("/{id}")
	PersonView get(@PathVariable UUID id) {
		return PersonView.of(people.get(id));
	}

	@PostMapping
	ResponseEntity<PersonView> create(@Valid @RequestBody PersonDetails details) {
		Person person = people.create(details);
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(PersonView.of(person));
	}

	@PutMapping("/{id}")
	PersonView update(@PathVariable UUID id, @Valid @RequestBody PersonDetails details) {
		return PersonView.of(people.update(id, details));
	}

}
