"""The Slack app: channels subscribe, mute and give feedback from Slack itself.

``/newswatch`` commands change a channel's subscriptions and mutes (``<prefix>.subscriptions``,
layered over the rules file by the route agent); buttons under alerts and 👍/👎 reactions
become feedback records (``<prefix>.feedback``). Parts: ``commands`` (the typed commands),
``grammar`` (text -> command), ``companies`` (names from the rules file), ``policy`` (who
may do what), ``changes`` (what a command does to a channel's state), ``replies`` (Block
Kit), ``store`` (Kafka), ``feedback``, ``summary``, ``labels``, ``export``, ``app``
(``SlackApp``, transport-agnostic), and the two transports, ``transport_socket`` (Socket
Mode, the default) and ``transport_http`` (signed requests).
"""
