# Django's formats for this language, with numbers in the Indian grouping.
THOUSAND_SEPARATOR = ","
DECIMAL_SEPARATOR = "."
NUMBER_GROUPING = (3, 2, 0)
