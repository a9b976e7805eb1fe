# Django's formats for this language, with numbers in the Indian grouping.
THOUSAND_SEPARATOR = ","
DECIMAL_SEPARATOR = "."
NUMBER_GROUPING = (3, 2, 0)
# ISO first: date inputs (type="date") are filled with the first format,
# and a browser shows a "25/10/2016" value as an empty field.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d-%m-%y"]
