package com.ledgerflow.people;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ledgerflow.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and finding staff. */
@Service
public class PersonService {

	private final PersonRepository people;

	private final Clock clock;

	PersonService(PersonRepository people, Clock clock) {
		this.people = people;
		this.clock = clock;
	}

	@Transactional
	public Person create(PersonDetails details) {
		return people.saveAndFlush(new Person(details, clock.instant()));
	}

	@Transactional
	public Person update(UUID id, PersonDetails details) {
		Person person = get(id);
		person.apply(details);
		return people.saveAndFlush(person);
	}

	@Transactional(readOnly = true)
	public Person get(UUID id) {
		return people.findById(id).orElseThrow(() -> new NotFound("person", id));
	}

	/** The person a request body refers to, or 404 naming that field. */
	@Transactional(readOnly = true)
	public Person referencedBy(String field, UUID id) {
		return people.findById(id).orElseThrow(() -> new NotFound("person", id, field));
	}

	@Transactional(readOnly = true)
	public Optional<Person> findByUserId(String userId) {
		return people.findByUserId(userId);
	}

	@Transactional(readOnly = true)
	public Map<UUID, Person> byIds(Collection<UUID> ids) {
		return people.findAllById(ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public List<Person> list() {
		return people.findAllByOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public List<Person> active() {
		return people.findByActiveTrueOrderByNameAsc();
	}

}
