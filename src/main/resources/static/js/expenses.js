// The add-expense form: mileage categories take a distance instead of an amount; the exchange rate only matters
// when the currency differs from the project's (mileage is always in the project's); currency and markup follow the chosen project. Hidden fields are
// disabled so that they are not sent.
(function () {
	var form = document.getElementById('add-expense-form');
	if (!form) {
		return;
	}
	var project = document.getElementById('expense-project');
	var category = document.getElementById('expense-category');
	var currency = document.getElementById('expense-currency');
	var markup = document.getElementById('expense-markup');
	var amountField = document.getElementById('amount-field');
	var distanceField = document.getElementById('distance-field');
	var rateField = document.getElementById('exchange-rate-field');
	var currencyField = document.getElementById('currency-field');
	var rateHint = document.getElementById('exchange-rate-hint');

	function selected(select) {
		return select.options[select.selectedIndex];
	}
	function show(label, visible) {
		label.hidden = !visible;
		label.querySelector('input').disabled = !visible;
	}
	function projectCurrency() {
		return selected(project).getAttribute('data-currency');
	}
	function update() {
		var mileage = selected(category).getAttribute('data-mileage') === 'true';
		show(amountField, !mileage);
		show(distanceField, mileage);
		// mileage is priced at the configured rate, which is in the project's currency
		show(currencyField, !mileage);
		var typed = currency.value.trim().toUpperCase();
		show(rateField, !mileage && typed !== '' && typed !== projectCurrency());
		rateHint.textContent = 'to ' + projectCurrency();
		markup.placeholder = selected(project).getAttribute('data-markup') + " (project's)";
		currency.placeholder = projectCurrency();
	}
	var lastProjectCurrency = projectCurrency();
	project.addEventListener('change', function () {
		if (currency.value.trim().toUpperCase() === lastProjectCurrency || currency.value.trim() === '') {
			currency.value = projectCurrency();
		}
		lastProjectCurrency = projectCurrency();
		update();
	});
	category.addEventListener('change', update);
	currency.addEventListener('input', update);
	update();
})();
