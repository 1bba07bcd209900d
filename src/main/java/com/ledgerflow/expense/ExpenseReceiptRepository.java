package com.ledgerflow.expense;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpenseReceiptRepository extends JpaRepository<ExpenseReceipt, UUID> {

}
