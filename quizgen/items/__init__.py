"""Facts -> items: templates, true/false, blanks, matching, wrong options, quality, selection."""
