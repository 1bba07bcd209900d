package com.ledgerflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where each part of Ledgerflow is. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
