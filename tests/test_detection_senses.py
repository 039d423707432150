"""Other senses of the words that state events (``detection/checks/senses.py``).

Each ``SenseGuard`` has a sentence in its everyday sense, which must not be reported and
must be turned down by that guard (its reason is what ``rules explain`` shows), and the
real event next to it, which must be reported.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import get_args

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.event import EventType
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.checks.senses import SENSES, SenseGuard

DETECTOR = Detector(RulesFile.model_validate({"companies": [
    {"name": name} for name in ("Microsoft", "Nvidia", "Salesforce", "Boeing", "Intel", "Pfizer",
                                "Netflix", "Disney", "Stripe", "Samsung", "Uber", "OpenAI")]}))
PUBLISHED = datetime(2026, 5, 4, 9, tzinfo=UTC)

# (event type, guard index in SENSES[event type], company, everyday sense, real event)
CASES: list[tuple[EventType, int, str, str, str]] = [
    # layoffs
    ("layoffs", 0, "Nvidia", "Nvidia slipped 1% as traders trimmed positions before its report.",
     "Nvidia trimmed positions in its sales division on Monday."),
    ("layoffs", 1, "Nvidia", "Nvidia said it cut its short positions in Treasury futures.",
     "Nvidia cut 300 positions in its sales team on Monday."),
    ("layoffs", 2, "Nvidia", "Nvidia's 9,000 still top the 12-month layoff tally.",
     "Nvidia layoffs: data centre teams hit as 9,000 roles go."),
    ("legal", 11, "Disney", "Two Disney shoppers are suing each other over a parking lot crash.",
     "Two Disney shoppers are suing Disney over a parking lot crash."),
    ("launch_delay", 12, "Netflix", "Netflix has cancelled the series after one season.",
     "Netflix has cancelled its planned games console."),
    ("launch_delay", 13, "Boeing", "Boeing delays have become part of the 777X story.",
     "Boeing delays the 777X again."),
    ("layoffs", 3, "Disney", "Disney stores are shutting their doors early Tuesday as freezing "
     "rain moves in.", "Disney stores are shutting in March as the chain retreats."),
    # investment
    ("investment", 0, "Intel", "Intel shares closed at a record high of $40 after a funding round.",
     "Intel closed its $40 million funding round led by Nvidia."),
    ("investment", 0, "Pfizer", "Pfizer (PFE) | Neutral | PT $28 | Close $25.70",
     "Pfizer closes $40 million funding round led by Nvidia."),
    ("investment", 1, "Stripe", "Stripe received a $40 million fine from regulators.",
     "Stripe received $40 million in funding from Nvidia."),
    ("investment", 1, "Stripe", "Stripe received a $40 million tax credit from the state.",
     "Stripe received $40 million in funding from Nvidia."),
    ("investment", 2, "Netflix", "Netflix invested $5 million in a charity fundraiser for Disney "
     "staff.", "Netflix invested $5 million in Disney's streaming venture."),
    ("investment", 3, "Stripe", "Stripe secured $2 billion in new orders.",
     "Stripe secured $2 billion in new funding."),
    ("investment", 4, "Samsung", "Samsung participated in the trade fair.",
     "Samsung participated in OpenAI's funding round."),
    ("investment", 5, "OpenAI", "OpenAI received $6 billion in revenue from Microsoft.",
     "OpenAI received $6 billion from Microsoft."),
    ("investment", 6, "Samsung", "Samsung hopes to secure $2 billion from Nvidia.",
     "Samsung secured $2 billion from Nvidia."),
    ("investment", 7, "Microsoft", "Microsoft will invest $10 billion in new data centers.",
     "Microsoft will invest $10 billion in OpenAI."),
    ("investment", 7, "Microsoft",
     "Microsoft invested $10 billion in its own cloud unit at Nvidia.",
     "Microsoft invested $10 billion in OpenAI."),
    ("investment", 8, "Stripe", "Stripe names its first CFO ahead of a planned IPO.",
     "Stripe files for an IPO."),
    ("investment", 9, "Stripe", "Stripe upgraded to Buy; price target raised to $118.",
     "Stripe raised $600 million in a Series I round."),
    ("investment", 10, "Microsoft", "Builder.ai, the startup that counted Microsoft among its "
     "investors, said on Friday it had sold its assets.",
     "Stripe raised $40 million, with Microsoft among the investors."),
    # acquisition
    ("acquisition", 0, "Boeing", "Boeing agreed to buy 20 new Airbus A320 jets.",
     "Boeing agreed to buy Spirit AeroSystems."),
    ("acquisition", 1, "Samsung", "Fans bought Samsung's new Galaxy in droves.",
     "Samsung bought Arm Holdings for $30 billion."),
    ("acquisition", 1, "Netflix", "Teens want to buy companies they know: Netflix, Disney and "
     "Uber.", "Disney agreed to buy Netflix."),
    ("acquisition", 2, "Boeing", "Boeing put Spirit up for sale to Intel and others.",
     "The sale of Boeing's Spirit unit to Intel was agreed."),
    ("acquisition", 3, "Boeing", "Boeing pledged to buy more from small suppliers.",
     "Boeing agreed to buy Spirit AeroSystems."),
    ("acquisition", 4, "Boeing", "Boeing has bought enough companies.",
     "Boeing has bought Spirit AeroSystems."),
    ("acquisition", 5, "Samsung", "Bidders at the auction will have a chance to acquire a "
     "Samsung prototype.", "Samsung will acquire Harman for $8 billion."),
    ("acquisition", 5, "Samsung", "Fast charging remains one of the best reasons to buy any "
     "Samsung.", "Intel agreed to buy Samsung for $30 billion."),
    # product launch
    ("product_launch", 0, "Samsung", "Samsung released its quarterly results on Tuesday.",
     "Samsung released the Galaxy S26 on Tuesday."),
    ("product_launch", 1, "Microsoft", "Microsoft launched a new way to pay.",
     "Microsoft launched a new tablet."),
    ("product_launch", 2, "Samsung", "Samsung launches are continuing at a fast pace.",
     "Samsung launches the Galaxy S26."),
    ("product_launch", 3, "Samsung", "Samsung released before the markets opened.",
     "Samsung released the Galaxy S26 on Tuesday."),
    ("product_launch", 4, "Samsung", "Samsung refused to launch the phone in Europe.",
     "Samsung will launch the phone in Europe."),
    # partnership
    ("product_launch", 5, "Boeing", "Boeing releases all of the carbon stored in its plant.",
     "Boeing releases a new jet."),
    ("product_launch", 6, "Boeing", "Boeing's statement, released this evening, said little.",
     "Boeing released a new jet this evening."),
    ("product_launch", 7, "Boeing", "Boeing introduces higher redirection fees.",
     "Boeing introduces a new jet."),
    ("product_launch", 8, "Netflix", "Netflix introduced the word \"binge\" into every "
     "media column.", "Netflix introduced a new streaming app on Monday."),
    ("launch_delay", 0, "Netflix", "Netflix cancels its quiz show after 35 years.",
     "Netflix delays the launch of its quiz show."),
    ("partnership", 0, "Boeing", "Boeing signed a contract with Intel for the supply of chips.",
     "Boeing signed a licensing contract with Intel."),
    ("partnership", 1, "Boeing", "Boeing signed a contract with Intel.",
     "Boeing signed a licensing contract with Intel."),
    ("partnership", 2, "Intel", "Intel's partnership with Boeing remains unchanged.",
     "Intel announced a partnership with Boeing."),
    ("partnership", 3, "Intel", "Intel praised its long-standing partnership with Boeing.",
     "Intel announced a partnership with Boeing."),
    ("partnership", 4, "Boeing", "Boeing joined the university partnership with Intel.",
     "Boeing announced a partnership with Intel."),
    ("partnership", 5, "Boeing", "Boeing signed a partnership with Stanford University and Intel.",
     "Boeing signed a partnership with Intel."),
    ("partnership", 6, "Netflix", "Netflix signed an agreement to buy Disney's studio.",
     "Netflix signed an agreement with Disney to co-produce films."),
    # legal
    ("partnership", 7, "Intel", "Intel signed non-disclosure and standstill agreements with "
     "Boeing.", "Intel signed agreements with Boeing to co-develop chips."),
    ("partnership", 8, "Intel", "The chip venture is the joint venture between Intel and "
     "Boeing.", "Intel and Boeing formed a joint venture."),
    ("partnership", 9, "Intel", "Intel ends its partnership with Boeing.",
     "Intel announced a partnership with Boeing."),
    ("legal", 0, "Uber", "Complaints from Uber drivers rose sharply.",
     "Prosecutors charged Uber with fraud."),
    ("legal", 1, "Uber", "Uber charged users $5 extra with no notice.",
     "Prosecutors charged Uber with fraud."),
    ("legal", 2, "Uber", "Uber sues for peace with its drivers' unions.",
     "Uber sues Lyft over driver data."),
    ("legal", 3, "Uber", "The case against buying back Uber stock.",
     "The case against Uber goes to trial in May."),
    ("legal", 4, "Uber", "My mum got a message from Uber and thinks she's been charged.",
     "Uber has been charged with fraud by federal prosecutors."),
    # people: the same guards for hires and departures
    ("executive_departure", 0, "Disney", "Disney is no longer the default choice.",
     "Disney's chief executive is no longer with the company."),
    ("executive_departure", 1, "Disney", "Disney fired 20 workers at its parks.",
     "Disney fired its chief executive."),
    ("executive_hire", 2, "Salesforce", "Salesforce welcomed Stripe as a new member.",
     "Salesforce welcomed Jane Park as chief financial officer."),
    ("executive_hire", 3, "Salesforce", "Salesforce named 'Agentforce' its product of the year.",
     "Salesforce named Jane Park chief financial officer."),
    ("executive_hire", 4, "Pfizer", "Pfizer's finance chief will become chief executive of the "
     "combined company.", "Jane Park will become chief executive of Pfizer."),
    ("executive_departure", 5, "Disney", "A Disney driver quit his job.",
     "Disney's chief executive quit."),
    ("executive_departure", 6, "Disney", "Protesters picketing Disney left the park.",
     "Disney's chief executive left the company."),
    ("executive_hire", 7, "Disney", "Disney's theme park chain has returned to its "
     "original name.", "Disney named Jane Park chief financial officer."),
    ("executive_hire", 8, "Disney", "Disney is hiring bilingual support specialists in Austin.",
     "Disney named Jane Park chief financial officer."),
    ("executive_hire", 9, "Disney", "Disney reported elevated error rates in its streaming app.",
     "Disney elevated Jane Park to chief financial officer."),
    ("executive_hire", 10, "Disney", "Disney engineers named it Chaos Monkey.",
     "Disney named Jane Park chief financial officer."),
    ("executive_hire", 11, "Disney", "Disney now joins Netflix and Oracle in running with two "
     "chief executives.", "Jane Park joins Disney as chief financial officer."),
    ("executive_departure", 12, "Disney", "A decade of deals has left Disney with a portfolio "
     "and a puzzle.", "Disney's chief executive left the company."),
    ("executive_departure", 13, "Disney", "Since the update last week, my Disney streaming "
     "box no longer shows subtitles.", "Disney's chief executive Bob Iger no longer leads "
     "the company."),
    ("executive_hire", 14, "Disney", "The Tri-State Bankers Association named Disney its "
     "Employer of the Year on Thursday.", "Disney named Jane Park chief financial officer."),
    ("executive_hire", 15, "Disney", "Jane Park joined Disney as a junior analyst.",
     "Jane Park joins Disney as chief financial officer."),
    ("executive_departure", 16, "Disney", "When Disney raised prices, customers ran for the "
     "exits.", "Disney's chief executive exits the company."),
    ("executive_hire", 17, "Nvidia", "Market Open Live: Nvidia joins the race to $4 trillion.",
     "OpenAI's chief scientist joins Nvidia as chief research officer."),
    ("executive_departure", 18, "Netflix", "After the spin-off, the Netflix disc business was "
     "left to wind down.", "Netflix's chief executive left the company after ten years."),
    ("executive_hire", 19, "Samsung", "Samsung delayed a headset internally code-named N107.",
     "Samsung named Jane Park chief financial officer."),
    ("product_launch", 9, "Boeing", "Boeing will buy up to 12 launches of the new rocket.",
     "Boeing launches a new satellite-internet service for airlines."),
    ("acquisition", 6, "Microsoft", "Microsoft signed a 15-year power purchase agreement with "
     "a solar developer.", "Microsoft signed a purchase agreement to buy Nvidia."),
    ("acquisition", 7, "OpenAI", "OpenAI was considering buying the rest of the company.",
     "OpenAI is in talks to acquire the rest of Stripe."),
    ("acquisition", 8, "Stripe", "Sold by Stripe, shipped free to your door.",
     "Kestrel was sold by its founders to Stripe."),
    ("acquisition", 9, "Microsoft", "Microsoft's GitHub was down for hours, leaving many pull "
     "requests waiting to merge.", "Microsoft agreed to merge with Nvidia."),
    ("acquisition", 10, "Microsoft", "Microsoft's GitHub was down for two hours, leaving "
     "developers to merge pull requests by hand.", "Microsoft agreed to merge with Nvidia."),
    ("launch_delay", 2, "Uber", "A ransomware attack at Uber is delaying shipments for some "
     "customers by two to four days.", "Uber is delaying the launch of its robotaxi service "
     "by six months."),
    ("launch_delay", 1, "Uber", "Uber has cancelled every ride booked for the airport this "
     "morning.", "Uber has cancelled its planned robotaxi service."),
    ("executive_hire", 20, "Microsoft", "Tessaract Data joins Microsoft AI Cloud Partner "
     "Program.", "Jane Park joins Microsoft as partner in its venture arm."),
    ("executive_hire", 20, "Microsoft", "Three startups have been selected for the latest "
     "North American cohort of the Microsoft for Startups Accelerator.",
     "Jane Park has been selected as Microsoft's chief financial officer."),
    ("executive_hire", 20, "Microsoft", "ShambaPay joins Microsoft for Startups Founders Hub.",
     "Jane Park joins Microsoft as chief financial officer."),
    ("executive_departure", 21, "Boeing", "Boeing engineers fired the Starliner service module "
     "thrusters for 90 seconds.", "Boeing fired its chief executive on Monday."),
    ("executive_hire", 22, "OpenAI", "Chinese labs lead, Microsoft regroups, OpenAI joins in",
     "Jane Park joins OpenAI as chief financial officer."),
    ("executive_hire", 23, "Disney", "The complaint names Disney and three engineers as "
     "defendants and seeks an injunction.", "Disney names Jane Park as its chief financial "
     "officer."),
    ("launch_delay", 3, "Boeing", "Boeing said it will delay filing of its annual report "
     "by two weeks.", "Boeing will delay the launch of its 777X jet to 2027."),
    ("acquisition", 0, "Disney", "News sites that purchase Disney content can reuse it.",
     "Disney agreed to purchase Pixar for $7 billion."),
    ("executive_hire", 24, "Netflix", "Analysts debated who will be the next chief executive "
     "of Netflix.", "Jane Park, who will be the next chief executive of Netflix, starts on "
     "June 1, the company said."),
    ("launch_delay", 3, "Samsung", "Samsung testified at a hearing on a long-delayed "
     "Semiconductor Special Act.", "Samsung delayed the launch of its Galaxy Ring to 2027."),
    ("investment", 11, "Disney", "Disney said the levy raises roughly $800 million a year from "
     "studios.", "Disney raises $800 million in a round led by Pixar."),
    ("investment", 12, "Uber", "Uber backs the Labor Department's contractor rule.",
     "Uber backs Pixar, the robotics start-up, with $40 million."),
    ("product_launch", 10, "OpenAI", "OpenAI said it was rolling out a fix for the outage.",
     "OpenAI is rolling out its new video app on Monday."),
    ("executive_hire", 25, "Stripe", "Stripe's Series B brings in a regional bank as lead "
     "investor.", "Stripe brings in Jane Park as chief financial officer."),
    ("product_launch", 11, "Microsoft", "Microsoft to roll out OpenAI's note-taking tool to "
     "hospital clients.", "Microsoft to roll out its note-taking tool to hospital clients."),
    ("acquisition", 12, "Pfizer", "Halcyon raised $150 million, including $50 million of stock "
     "bought by its partner Pfizer.", "Halcyon was bought by Pfizer for $2 billion."),
    ("product_launch", 12, "Samsung", "Samsung recalls charging docks sold with the July-launched "
     "Galaxy Watch8.", "Samsung launched the Galaxy Watch9 on Monday."),
    ("legal", 9, "Uber", "Pfizer raised $400 million on Monday, even as suits against Uber "
     "continue.", "Drivers filed new suits against Uber on Monday."),
    ("legal", 8, "Netflix", "Netflix and Pfizer filed friend-of-the-court briefs on Monday "
     "asking the Supreme Court to hear Tessaro v. Crane, a patent case.",
     "Netflix asked the Supreme Court on Monday to hear its appeal of the patent ruling."),
    ("legal", 7, "Disney", "Dana Ruiz, who argued the Netflix v. Disney copyright trial, was "
     "sworn in as a magistrate judge on Monday.",
     "The Netflix v. Disney copyright trial opened in Los Angeles on Monday."),
    ("legal", 6, "Disney", "A witness, giving evidence to the committee's inquiry into food "
     "inflation, said Disney's margins were thin.",
     "Regulators opened an inquiry into Disney on Monday."),
    ("investment", 13, "Disney", "Disney closes $1.1bn Framecraft purchase",
     "Disney closes $1.1bn funding round led by Pixar"),
    ("acquisition", 11, "Disney", "Fans queued for the park tickets sold by Disney to visitors "
     "on Monday.",
     "Pixar was sold by its founders to Disney."),
    ("partnership", 10, "Disney", "Pixar makes films for Hulu, the company's joint venture with "
     "Disney.", "Pixar formed a joint venture with Disney on Monday."),
    ("legal", 5, "Disney", "Disney pulled its ads, saying the show's contestants were "
     "accused of racism.", "Disney and Pixar were accused of fixing wages, the lawsuit says."),
    ("investment", 14, "Nvidia", "The panel on chips, with participation from Nvidia, drew a "
     "crowd.", "Pixar raised $40 million in a round led by Disney, with participation from "
     "Nvidia."),
    ("investment", 14, "Nvidia", "The panel on chips, with participation from Nvidia, drew a "
     "crowd.", "Pixar's Series B was led by Disney, with participation from Nvidia."),
    ("product_launch", 13, "Disney", "The app crashed just as Disney's Black Friday deals went "
     "live on Thursday.", "Disney's new streaming app went live on Thursday."),
    ("product_launch", 14, "Boeing", "Boeing had been targeting first delivery, to launch "
     "customer Emirates, in 2026.", "Boeing is set to launch its new 797 jet in 2026."),
    ("executive_hire", 26, "OpenAI", "Several dozen drivers joined a picket line at OpenAI's "
     "offices on Monday.", "Uber's finance chief joined OpenAI on Monday."),
    ("executive_hire", 27, "Disney", "Disney's 'Moana 3' will be helmed by an Oscar-winning "
     "director, Jane Park.", "Disney will be helmed by Jane Park, its new chief executive."),
    ("executive_hire", 28, "Disney", "Disney said a successor would be named in January.",
     "Disney said Jane Park would be named chief executive in January."),
    ("executive_hire", 29, "Disney", "Disney's purchase of Pixar was named Deal of the Year.",
     "Disney named Jane Park head of the year-old studio unit."),
    ("launch_delay", 4, "Boeing", "Boeing is recalling 300 jets because a software fault can "
     "delay the cockpit display.", "Boeing will delay the 777X to 2027."),
    ("acquisition", 13, "Uber", "Uber raises $700 million in a share sale to fund expansion.",
     "The sale of Uber to Disney closed on Monday."),
    ("legal", 5, "Disney", "Disney will withdraw the perfume of Jade Goody, one of the "
     "contestants accused of bullying.", "Disney was accused of bullying by regulators."),
    ("product_launch", 15, "Netflix", "Netflix said the rule would stop other streaming "
     "providers entering the market.", "Netflix is entering the market for live sports."),
    ("launch_delay", 5, "Uber", "Uber is to be compensated for the delay of its Boeing 777X jets.",
     "Uber delays its robotaxi launch to 2027."),
    ("product_launch", 16, "Pfizer", "Pfizer now expects to launch its RSV shot in the second "
     "quarter of 2027 rather than at the end of this year.",
     "Pfizer expects to launch its RSV shot in the second quarter of 2027."),
    ("acquisition", 14, "Intel", "Jane Doe, a veteran of the unit, takes over the company's "
     "largest business on Monday, Intel said.", "Intel takes over Altera on Monday."),
    ("acquisition", 0, "Samsung", "Nvidia signed a deal on Monday to buy Samsung's newest "
     "high-bandwidth memory.", "Nvidia signed a deal on Monday to buy Samsung for $300 billion."),
    ("acquisition", 15, "Pfizer", "In this issue: why we'd buy Pfizer under $25 and what to "
     "watch.", "Novartis agreed to buy Pfizer at $25 a share on Monday."),
    ("investment", 15, "Stripe", "Disney agreed on Monday to buy Stripe, ending Stripe's plans "
     "to go public next year.", "Stripe plans to go public next year."),
    ("product_launch", 17, "Boeing", "Boeing signed a contract on Monday to launch a batch of "
     "Uber's drone satellites.", "Boeing will launch a new jet on Monday."),
    ("product_launch", 18, "Boeing", "Boeing has launched its Starliner capsule on its maiden "
     "voyage to orbit.", "Boeing has launched its Starliner jet for airlines."),
    ("executive_departure", 30, "Disney", "Disney said its new park will no longer open in "
     "March.", "Disney chief executive Jane Doe will no longer lead the company."),
    ("acquisition", 16, "Nvidia", "My 14-year-old just bought Nvidia.",
     "Intel just bought Nvidia."),
    ("executive_hire", 31, "Disney", "Disney parade returns to Main Street on Saturday.",
     "Netflix veteran Jane Doe returns to Disney as chief operating officer."),
    ("investment", 16, "Disney", "Disney agrees to buy a 70% stake in Netflix.",
     "Disney agrees to buy a 20% stake in Netflix."),
    ("acquisition", 17, "Boeing", "Boeing agreed to buy the output of two Uber solar projects.",
     "Boeing agreed to buy Uber."),
    ("executive_hire", 32, "Disney", "A detour took us to a town named Disney on the lake.",
     "Disney named Jane Doe as chief financial officer."),
    ("launch_delay", 6, "Netflix", "Netflix agreed to let British viewers cancel Premium in two "
     "clicks.", "Netflix will cancel its live quiz show before its launch."),
    ("investment", 17, "Nvidia", "Last week I invested $500 in Nvidia and my wife put $300 "
     "into Intel.", "Last week Intel invested $500 million in Nvidia."),
    ("investment", 17, "Nvidia", "Retail investors poured $2 billion into Nvidia shares on "
     "Monday.", "Microsoft poured $2 billion into Nvidia on Monday."),
    ("partnership", 11, "Netflix", "Stripe will sell the card with Netflix under a partnership "
     "the companies entered into to share costs.", "Stripe will sell the card with Netflix "
     "under a partnership the companies signed on Monday."),
    ("investment", 18, "Nvidia", "Nvidia, which has received billions of dollars in investment "
     "from Microsoft, opened an office in Dubai.", "Nvidia has received $2 billion in "
     "investment from Microsoft."),
    ("partnership", 12, "Netflix", "Regulators opened an investigation into the partnership "
     "between Netflix and Disney on Monday.", "Netflix and Disney announced a partnership "
     "on Monday."),
    ("executive_hire", 33, "Stripe", "Jane Doe, a partner at the lead investor, will join "
     "Stripe's board as an observer.", "Jane Doe, a partner at the lead investor, will join "
     "Stripe's board as a director."),
    ("executive_hire", 34, "Nvidia", "Nvidia named top pick for 2027 at Brennan Hale; price "
     "target $260", "Nvidia named Jane Roe chief financial officer on Monday."),
    ("executive_hire", 34, "Nvidia", "Brennan Hale named Nvidia its top semiconductor pick "
     "for 2027.", "Nvidia named top AI researcher Jane Roe as its chief scientist."),
    ("product_launch", 19, "Samsung", "Samsung's December 2026 Galaxy update is rolling out to "
     "the S24 and later.", "Samsung's Galaxy XR headset is rolling out to stores in Korea."),
    ("product_launch", 20, "Samsung", "Samsung rolls out the December Galaxy update to older "
     "phones.", "Samsung rolls out the Galaxy Ring 2 to stores in Korea."),
    ("launch_delay", 7, "Samsung", "Samsung says the new buds add adaptive noise cancelling and "
     "a longer battery.", "Samsung is cancelling the Galaxy S26 Edge, people familiar said."),
    ("launch_delay", 8, "Samsung", "Ordered a Galaxy on Monday? Samsung Store ship dates have "
     "slipped to mid-December.", "Samsung's Galaxy XR launch has slipped to 2027."),
    ("partnership", 13, "Netflix", "Netflix said it will collaborate fully with the Authority "
     "on its inquiry.", "Netflix will collaborate with Disney on a streaming bundle."),
    ("partnership", 13, "Netflix", "Netflix said it will collaborate with competition "
     "regulators on the review.", "Netflix said it will collaborate with Disney on the bundle."),
    ("launch_delay", 9, "Samsung", "Samsung's new snack line will arrive to the shelves of "
     "stores this week.", "Samsung shelves the launch of its Galaxy Ring."),
    ("executive_hire", 36, "Uber", "Uber's chief operating officer, who has been with the "
     "company since 2017, joined operations leaders from two carriers on the panel.",
     "Jane Park, Intel's chief operating officer, joined Uber as chief executive on Monday."),
    ("executive_hire", 35, "Samsung", "Tesla picks Samsung's Exynos Auto chip for its next "
     "infotainment computer.", "Samsung picks Jane Roe as chief financial officer."),
    ("acquisition", 18, "Netflix", "Planning commission to hear rezoning bid for Netflix's "
     "proposed studio lot.", "Disney makes $40 billion bid for Netflix."),
    ("acquisition", 18, "Netflix", "Salesforce mounts re-election bid for Netflix board seat.",
     "Salesforce mounts $40 billion bid for Netflix."),
    ("acquisition", 19, "Stripe", "Stripe's Lumen Rails purchase takes Deal of the Year at the "
     "FinTech Lion awards.", "Stripe's purchase of Lumen Rails wins approval from regulators."),
    ("acquisition", 19, "Stripe", "Stripe's acquisition of Lumen Rails, the start-up it bought in "
     "April, was named Deal of the Year on Thursday.", "Stripe's acquisition of Lumen Rails, the "
     "start-up it agreed to buy in April, was cleared by regulators on Thursday."),
    ("product_launch", 21, "Pfizer", "Pfizer has launched a 1,050-patient Phase 3 program for "
     "PF-07940112 in psoriatic arthritis.", "Pfizer has launched Abrysvo, its RSV vaccine, "
     "in Japan."),
    ("product_launch", 21, "Pfizer", "Pfizer launched a pivotal trial of its oral GLP-1 pill "
     "on Monday.", "Pfizer launched its oral GLP-1 pill on Monday."),
    ("partnership", 7, "Microsoft", "Samsung agreed a share purchase agreement with Microsoft "
     "for its modem unit.", "Samsung agreed a 15-year power purchase agreement with Microsoft "
     "for 600 MW of solar."),
    ("partnership", 14, "Uber", "Uber has named Jane Park as global managing partner for "
     "freight at its consulting arm.", "Pfizer has named Uber as its launch partner."),
    ("acquisition", 20, "Pfizer", "Readers voted it the best biopharma acquisition of the "
     "decade, ahead of a Pfizer licensing deal.", "Disney completed its acquisition of Pfizer "
     "on Monday."),
    ("acquisition", 21, "Netflix", "The state banned the production and sale of Netflix "
     "merchandise on Monday.", "A court approved the sale of Netflix to Disney on Monday."),
    ("product_launch", 7, "Samsung", "Samsung rolls out 'Unfold the Season' spot for its "
     "Galaxy phones.", "Samsung launched shoppable ads in its Galaxy Store on Monday."),
    ("product_launch", 7, "Disney", "Disney releases a director's cut of \"The Lantern,\" its "
     "holiday ad.", "Disney launched a self-serve ads manager for small advertisers."),
    ("product_launch", 22, "Microsoft", "Microsoft Teams launches to a blank window after the "
     "update.", "Microsoft launches Teams Premium in Europe."),
    ("executive_hire", 37, "Uber", "Uber Eats hires comedian Dev Castellano for its holiday "
     "spot.", "Uber hires Dev Castellano as chief marketing officer."),
    ("product_launch", 7, "Samsung", "Samsung rolls out 'Fold the Season' spot, pitching its "
     "foldable as a gift.", "Samsung launches Spot, its robot dog, in Europe."),
    ("product_launch", 22, "Pfizer", "Pfizer launches quietly in the background after your phone "
     "restarts.", "Pfizer launches its reminder app in Europe."),
    ("acquisition", 5, "Samsung", "A museum in Paderborn acquires a working Samsung from 1983.",
     "Disney agreed to acquire a struggling Samsung on Monday."),
    ("acquisition", 22, "Netflix", "Fans cheered the band's takeover of the Netflix homepage.",
     "Disney completed its takeover of Netflix on Monday."),
    ("executive_departure", 38, "Intel", "Intel's chief executive steps down in Santa Clara, "
     "trophy in hand.", "Intel's chief executive steps down after six years."),
    ("acquisition", 23, "Uber", "Agency Mother acquires Uber's $300 million media account.",
     "Disney acquires Uber's freight business for $3 billion."),
    ("partnership", 15, "Netflix", "Netflix partners with creator Jane Doe for a sponsored post.",
     "Netflix partners with Samsung on creator payouts."),
    ("partnership", 18, "Netflix", "Shonda Rhimes has renewed her overall deal with Netflix "
     "through 2030.", "Shondaland Media has renewed its production deal with Netflix through "
     "2030."),
    ("partnership", 16, "OpenAI", "OpenAI signs influencer deal with Jane Doe.",
     "OpenAI signs a licensing deal with Disney."),
    ("executive_hire", 39, "Stripe", "Stripe taps Jane Doe as the face of its holiday campaign.",
     "Stripe taps Jane Doe as chief marketing officer."),
    ("launch_delay", 10, "Nvidia", "On Nvidia cards, shader compilation delayed the launch of the "
     "game by up to 40 seconds.", "Nvidia delayed the launch of its Rubin chips by several "
     "months."),
    ("executive_departure", 40, "Salesforce", "Hartley's Markets is retiring its Salesforce "
     "Commerce Cloud platform this year.", "Salesforce's chief financial officer Jane Doe is "
     "retiring this year."),
    ("executive_hire", 41, "Microsoft", "Kinloch Digital joins Microsoft and Salesforce on the "
     "Best Places to Work list.", "Jane Doe joins Microsoft as chief financial officer."),
    ("executive_hire", 41, "Microsoft", "Microsoft was named to the Fintech Vanguard 50 this "
     "year.", "Microsoft has named Jane Doe to its board."),
    ("executive_departure", 42, "Microsoft", "A Microsoft engineer steps down from Redmond "
     "Planning Commission after six years.", "Microsoft's chief financial officer steps down "
     "after six years."),
    ("executive_hire", 43, "Pfizer", "Pfizer has nabbed $85 million to push its lead drug "
     "into a phase 3 trial.", "Pfizer has nabbed Jane Doe as its chief medical officer."),
    ("executive_hire", 44, "Pfizer", "Pfizer has nabbed a spot on the Fortune Change the World "
     "list.", "Pfizer has nabbed Jane Doe as its chief medical officer."),
    ("executive_hire", 45, "Disney", "Disney's Zootopia 2 was nominated as best animated "
     "feature at the Golden Globes.", "Disney nominated Jane Doe as its chief financial "
     "officer."),
    ("executive_hire", 46, "Netflix", "Netflix has tapped Greta Gerwig to write and direct two "
     "Narnia films.", "Netflix has tapped Greta Gerwig to run its film studio as president."),
    ("executive_departure", 47, "Netflix", "Warner Bros. Discovery walked away from the talks, "
     "leaving Netflix as the only bidder.", "Jane Doe is leaving Netflix as its chief financial "
     "officer hands over to a successor."),
    ("executive_hire", 44, "Netflix", "Netflix has nabbed the rights to stream Jake Paul's next "
     "fight.", "Netflix has nabbed Jane Doe as its chief medical officer."),
    ("executive_departure", 5, "Disney", "In the finale, the Disney series' villain Krennic "
     "fires his deputy.", "Disney fires its chief financial officer."),
    ("executive_departure", 5, "Netflix", "Netflix's Stranger Things star is heading for the "
     "exit after the final season.", "Netflix's chief product officer is heading for the "
     "exit after the final season."),
    ("executive_departure", 38, "Salesforce", "Salesforce chief executive Marc Benioff stepped "
     "down to a standing ovation after his commencement speech.", "Salesforce chief executive "
     "Marc Benioff stepped down after 25 years."),
    ("executive_hire", 8, "Samsung", "Samsung hires 40 co-op students for the fall term.",
     "Samsung hires Jane Doe as chief financial officer."),
    ("legal", 10, "Boeing", "SHAREHOLDER ALERT: Lindqvist & Moreau investigates "
     "Boeing on behalf of long-term shareholders.", "The Justice Department "
     "investigates Boeing over money laundering."),
    ("acquisition", 25, "Nvidia", "Nvidia's GPUs were bought by the university for its new "
     "supercomputer.", "Nvidia's gaming unit was bought by Samsung for $3 billion."),
    ("acquisition", 26, "Samsung", "On Tuesday, Nvidia took over Samsung as the most "
     "valuable company listed in Asia.", "On Tuesday, Nvidia took over Samsung in a $300 "
     "billion deal."),
    ("executive_departure", 50, "Intel", "Two Intel engineers have stepped down as maintainers "
     "of the Linux graphics driver.", "Intel's chief executive has stepped down after four "
     "years."),
    ("executive_hire", 8, "Stripe", "Stripe is hiring a senior product manager for its "
     "payments team in Dublin.", "Stripe is hiring Jane Doe as its chief financial officer."),
    ("executive_departure", 48, "Netflix", "Taylor Swift leaves Netflix top spot to Bad Bunny "
     "after six weeks.", "Jane Doe leaves Netflix to run a defence start-up after 19 years."),
    ("executive_departure", 49, "Disney", "Dwayne Johnson has left Disney's 'Moana' live-action "
     "set for a Netflix thriller.", "Jane Doe has left Disney's board for a Netflix seat."),
    ("product_launch", 26, "Netflix", "Netflix's 'Mercy' launched with $12 million in its first "
     "weekend.", "Netflix launched 'Mercy', its first interactive film, on Friday."),
    ("layoffs", 4, "Netflix", "A Netflix HR flaw let anyone hire, fire and re-grade staff.",
     "Netflix fired 300 staff in its games unit on Monday."),
    ("executive_hire", 51, "Salesforce", "Salesforce picks Nvidia to power its AI agents.",
     "Salesforce picks Nvidia veteran Jane Doe to run its AI unit."),
    ("layoffs", 5, "Intel", "Intel says its new chip cuts latency in "
     "crowded factory networks by up to 60%.", "Intel cuts two plants in Ohio, "
     "affecting 400 workers."),
    ("executive_departure", 52, "Intel", "'I was fired from my first lab job': Intel's "
     "research chief on three decades in chips.", "'I was fired from Intel's board': Jane Doe "
     "on her ouster this week."),
    ("legal", 13, "Intel", "The publishers' complaint leans heavily on the government's "
     "antitrust case against Intel.", "The government filed an antitrust case against Intel "
     "on Monday."),
    ("executive_departure", 53, "Microsoft", "The biggest first-party news was that "
     "Microsoft's space racer has been pushed out of October.", "Microsoft's games chief "
     "has been pushed out by the board."),
    ("product_launch", 33, "Netflix", "Netflix launches Binge Week: the deals worth your "
     "money.", "Netflix launches Binge Box: a streaming stick for $29."),
    ("launch_delay", 13, "Intel", "Intel's delays give the game away, a timing paper shows.",
     "Intel delays its Falcon Shores chip to 2027."),
    ("legal", 12, "Netflix", "Jane Doe's investigation into Netflix's early years sold after a "
     "bidding war.", "The FTC's investigation into Netflix's pricing began on Monday."),
    ("product_launch", 28, "Microsoft", "Microsoft: Storm-2291 teams up with an access broker to "
     "launch a Teams vishing wave.", "Microsoft teams up with an access broker to launch Teams "
     "Phone for small firms."),
    ("product_launch", 27, "Samsung", "Samsung has released One UI 8.0.2, One UI 7.0.9 and "
     "One UI 6.1.4 to fix a zero-day flaw exploited in attacks.", "Samsung has released One "
     "UI 9 with a new AI assistant."),
    ("product_launch", 27, "Samsung", "Samsung has released One UI 8.0.2 to fix a zero-day flaw "
     "exploited in targeted attacks.", "Samsung has released One UI 9 with a new AI "
     "assistant."),
    ("product_launch", 25, "Netflix", "Netflix drew 1.4 billion minutes, according to figures "
     "Nielsen released Thursday.", "Netflix released its new games app on Thursday."),
    ("acquisition", 27, "Samsung", "Samsung buys your biggest supplier, and the board wants "
     "to know by Monday whether to object.", "Samsung buys its biggest supplier, Harman, "
     "for $8 billion."),
    ("acquisition", 28, "Samsung", "Regulators sued to unwind Samsung's purchase of Harman.",
     "Regulators cleared Samsung's purchase of Harman."),
    ("investment", 19, "Samsung", "Nvidia passed Samsung, the most valuable company listed on "
     "the Korea Exchange.", "Samsung listed on the Korea Exchange on Tuesday."),
    ("acquisition", 24, "Nvidia", "The grocer buys Nvidia by the rack now.",
     "Samsung buys Nvidia's networking unit for $4 billion."),
    ("product_launch", 23, "Salesforce", "Salesforce drops its fourteenth Spring '26 patch this "
     "week, rolling out to sandboxes on Tuesday.", "Salesforce unveils Agentforce Voice, rolling "
     "out to customers on Tuesday."),
    ("product_launch", 24, "Microsoft", "Microsoft launches 'Build with Copilot' student "
     "hackathon in Stockholm.", "Microsoft launches Copilot Studio in Sweden."),
    ("partnership", 17, "Nvidia", "Five universities picked a system integrator to supply 128 "
     "Nvidia nodes.", "Samsung picked Nvidia to supply chips for its new data centre."),
    ("launch_delay", 11, "Boeing", "Boeing on Wednesday pushed back against an analyst note "
     "about the 777X.", "Boeing on Wednesday pushed back the 777X launch to 2027."),
    ("product_launch", 29, "Uber", "Uber launches its Black Friday ride discounts on Thursday.",
     "Uber launches a deals app for its One members on Thursday."),
    ("product_launch", 30, "Uber", "Uber launches me into gig work, a courier writes.",
     "Uber launches Uber Teens in Madrid, a courier writes."),
    ("partnership", 19, "Pfizer", "To acquire Samsung's biologics unit, Pfizer will pay $4 "
     "billion upfront plus milestones.", "Pfizer will pay Samsung $150 million upfront plus "
     "milestones to acquire global rights to HB-221."),
    ("product_launch", 31, "Salesforce", "Salesforce signed a deal with Microsoft to roll out "
     "Copilot to its 70,000 employees.", "Salesforce rolls out Agentforce Voice to its "
     "customers in Europe."),
    ("product_launch", 32, "Salesforce", "Salesforce will roll out Nvidia-built servers across "
     "its 14 data centres.", "Salesforce will roll out Agentforce Voice across Europe."),
]


def test_products_launched_as_them_are_launched() -> None:
    # "them" and "you" are not people launched into something: the products just named.
    assert ("Uber", "product_launch") in events(
        "Uber built two electric scooters for Madrid and launches them on Thursday.")


def test_a_launch_executive_is_no_launch() -> None:
    assert ("Boeing", "product_launch") not in events(
        "Boeing's defence head is leaving, with space and launch executive Carol Hartley named "
        "interim chief.")


def events(sentence: str) -> set[tuple[str, str]]:
    article = Article(id="s", title=sentence, published=PUBLISHED)
    return {(e.company, e.event_type) for e in DETECTOR.detect(article)}


def guard_that_turned_down(sentence: str, event_type: EventType) -> SenseGuard:
    """The guard whose reason turned down a candidate of ``event_type`` in ``sentence`` (the
    first that applies at the trigger, as ``sense_reason`` picks it)."""
    report = DETECTOR.explain(Article(id="s", title=sentence, published=PUBLISHED))
    reasons = {guard.reason for guard in SENSES[event_type]}
    turned_down = [c for c in report.candidates if c.event_type == event_type
                   and not c.accepted and c.reason in reasons]
    assert turned_down, [(c.event_type, c.accepted, c.reason) for c in report.candidates]
    trigger = turned_down[0].trigger
    start = sentence.index(trigger)
    mentions = DETECTOR.matcher.scan(sentence)  # the guards that look at the name next
    applying = [g for g in SENSES[event_type]
                if g.applies(sentence, start, start + len(trigger), mentions)]
    assert applying and applying[0].reason == turned_down[0].reason
    return applying[0]


@pytest.mark.parametrize(("event_type", "index", "company", "other_sense", "real_event"), CASES)
def test_the_everyday_sense_is_turned_down_and_the_event_is_reported(
        event_type: EventType, index: int, company: str, other_sense: str,
        real_event: str) -> None:
    assert (company, event_type) not in events(other_sense)
    guard = SENSES[event_type][index]
    assert guard_that_turned_down(other_sense, event_type) is guard
    assert (company, event_type) in events(real_event)


def test_every_guard_has_a_case() -> None:
    covered = {id(SENSES[t][i]) for t, i, *_ in CASES}
    every = {id(g) for guards in SENSES.values() for g in guards}
    assert covered == every


def test_every_event_type_has_its_guards() -> None:
    assert set(SENSES) == set(get_args(EventType))
    assert SENSES["executive_hire"] is SENSES["executive_departure"]


@pytest.mark.parametrize("sentence", [
    "Microsoft staff can acquire skills in AI.",
    "Microsoft wants to acquire new skills.",
    "Launch a browser and sign in to Microsoft.",
    "Boeing fired up its new factory.",
    "Microsoft employees fired up about AI.",
    "Intel shares closed 3% higher on Monday.",
    "Uber charges $5 for airport trips.",
    "Nvidia stock is down 40% from its post-IPO high.",
    "Microsoft went on to buy dozens of other software companies.",
    "Boeing's Starliner spacecraft launches for the first time",
    "Tidewell Foods' Pumpkin Spice Oat Crisps are returning to shelves for a fifth autumn.",
])
def test_everyday_phrases_are_not_events(sentence: str) -> None:
    assert events(sentence) == set()


def test_an_idea_backed_with_money_is_an_investment() -> None:
    assert ("Nvidia", "investment") in events("Nvidia backs Pfizer's packaging push with $200M")
    assert ("Nvidia", "investment") not in events("Nvidia backs Pfizer's packaging push")
    assert ("Nvidia", "investment") not in events("Nvidia backs Pfizer's bid for a NASA contract")


@pytest.mark.parametrize(("wish", "fact"), [
    ("Disney wanted enough films and shows to launch a streaming service.",
     "Disney is set to launch a streaming service on Monday."),
    ("OpenAI has been able to raise enormous sums from Nvidia.",
     "OpenAI raised $6 billion from Nvidia on Monday."),
    ("Disney was unable to buy Netflix, so it copied it.",
     "Disney agreed to buy Netflix on Monday."),
])
def test_a_wish_or_an_ability_is_not_the_event(wish: str, fact: str) -> None:
    company = wish.split()[0]
    assert not any(c == company for c, _ in events(wish))
    assert any(c == company for c, _ in events(fact))


# --- bugs found while writing these tests ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "event"), [
    ("Samsung hopes to secure $2 billion in funding from Nvidia.", ("Samsung", "investment")),
    ("Samsung needs to raise new funding from Nvidia.", ("Samsung", "investment")),
    ("Uber faced complaints from customers over late refunds.", ("Uber", "legal")),
])
def test_a_guarded_sense_is_not_reported_through_another_trigger(
        sentence: str, event: tuple[str, str]) -> None:
    assert event not in events(sentence)


@pytest.mark.parametrize(("sentence", "company"), [
    ("Nvidia agreed to buy chip designer Arm for $40 billion.", "Nvidia"),
    ("Pfizer agreed to buy oil producer Hess for $53 billion.", "Pfizer"),
    ("Intel agreed to buy car technology firm Mobileye.", "Intel"),
    ("Boeing agreed to buy aircraft parts maker Spirit AeroSystems.", "Boeing"),
    # a unit named by its trade: "bond insurance arm", "car parts unit"
    ("Samsung will sell its bond insurance arm Vellum Assurance to Pfizer.", "Pfizer"),
    ("Intel agreed to buy Uber's car parts unit.", "Intel"),
])
def test_a_company_described_by_what_it_makes_is_still_bought(sentence: str, company: str) -> None:
    assert (company, "acquisition") in events(sentence)


def test_suing_for_peace_is_not_a_lawsuit() -> None:
    assert events("Intel sues for peace with regulators.") == set()


def test_a_person_named_beside_an_award_and_one_who_no_longer_remains_are_moves() -> None:
    assert ("Disney", "executive_hire") in events(
        "Disney named Jane Park chief executive, a week after she won an Executive of the "
        "Year award.")
    assert ("Netflix", "executive_departure") in events(
        "Jane Park no longer remains chief executive of Netflix.")


def test_goods_bought_from_retailers_are_goods() -> None:
    # a preposition ends what the goods may describe: not "items ... retailers" as a company
    assert ("Samsung", "acquisition") not in events(
        "Samsung will let its assistant buy items from participating retailers.")
    assert ("Samsung", "acquisition") in events("Samsung buys chip retailer Harman for $8 billion.")


def test_a_product_for_sales_teams_is_not_a_sales_report() -> None:
    assert ("Salesforce", "product_launch") in events(
        "Salesforce launches an AI app for sales teams.")
    assert ("Salesforce", "product_launch") not in events(
        "Salesforce releases quarterly sales figures.")
