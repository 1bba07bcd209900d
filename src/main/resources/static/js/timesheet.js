// Ticks the running timer on the timesheet page: elapsed h:mm:ss since data-started-at (epoch milliseconds).
(function () {
	var elapsed = document.getElementById('timer-elapsed');
	if (!elapsed) {
		return;
	}
	var startedAt = Number(elapsed.getAttribute('data-started-at'));
	function pad(n) {
		return n < 10 ? '0' + n : String(n);
	}
	function tick() {
		var seconds = Math.max(0, Math.floor((Date.now() - startedAt) / 1000));
		elapsed.textContent = Math.floor(seconds / 3600) + ':' + pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60);
	}
	tick();
	setInterval(tick, 1000);
})();
