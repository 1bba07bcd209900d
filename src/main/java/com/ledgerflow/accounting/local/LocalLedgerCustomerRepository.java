package com.ledgerflow.accounting.local;

import org.springframework.data.jpa.repository.JpaRepository;

interface LocalLedgerCustomerRepository extends JpaRepository<LocalLedgerCustomer, String> {

}
