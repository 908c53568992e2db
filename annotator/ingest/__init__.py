"""Reading reports (encodings, HTML, DOCX) and repairing damaged web text into annotatable text."""
