"""The page benchmark's floor: the least a Streamlit page can be, one text input and one button."""

import streamlit as st

st.text_input("Search", key="floor_search")
st.button("Confirm", key="floor_tap")
