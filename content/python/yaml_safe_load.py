# Reading YAML in Python with PyYAML (pip install pyyaml): what the playground does with the yaml npm package.
import yaml

source = """\
rest:
  url: "https://example.org/primenumbers/v1"
  port: 8443

prime_numbers: [2, 3, 5, 7, 11, 13, 17, 19]
"""

# safe_load builds plain data only: dict, list, str, int, float, bool, None, dates.
config = yaml.safe_load(source)
print(config)
print(config["rest"]["port"] + 1)  # 8444: an int, not the text "8443"

# One file, several documents separated by ---: safe_load_all yields them one at a time.
stream = "name: list worker\n---\nname: quote worker\n---\nname: sink\n"
for number, document in enumerate(yaml.safe_load_all(stream), start=1):
    print(number, document)

# A syntax error says where it is. PyYAML counts lines and columns from 0.
# Only a MarkedYAMLError has a problem_mark: a ReaderError (a control character, here BEL) has none.
for text in ["prime_numbers: [2, 3, 5\nnext: 1\n", "name: bell\x07\n"]:
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        if hasattr(error, "problem_mark"):
            mark = error.problem_mark
            print(f"line {mark.line + 1}, column {mark.column + 1}: {error.problem}")
        else:
            print(error)

# A tag that names Python code is refused: safe_load never builds objects or calls functions.
try:
    yaml.safe_load('!!python/object/apply:os.system ["echo hacked"]')
except yaml.constructor.ConstructorError as error:
    print("refused:", error.problem)
