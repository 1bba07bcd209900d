package com.ledgerflow.expense;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of expense (travel, mileage, software, …); finance adds its own. A mileage category is priced by distance. */
@Entity
@Table(name = "expense_category")
public class ExpenseCategory {

	@Id
	private String code;

	private String name;

	private boolean mileage;

	private boolean active;

	protected ExpenseCategory() {
		this.code = "";
		this.name = "";
	}

	ExpenseCategory(String code, String name, boolean mileage) {
		this.code = code;
		this.name = name;
		this.mileage = mileage;
		this.active = true;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public boolean mileage() {
		return mileage;
	}

	public boolean active() {
		return active;
	}

}
